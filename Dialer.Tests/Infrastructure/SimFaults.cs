using Dialer.TwilioSimulator.Faults;

namespace Dialer.Tests.Infrastructure;

/// <summary>Names only the faults a test wants; the rest stay as they are.</summary>
public static class SimFaults
{
    public static FaultPatch Patch(int? error500Next = null, int? error429Next = null, int? holdCreateNext = null,
        double? duplicateCallbackFraction = null, double? reorderCallbackFraction = null, int? callbackDelayMs = null,
        int? apiLatencyMs = null, InjectedError? createError = null,
        Dictionary<string, InjectedError>? createErrorsByNumber = null, string? keyPress = null,
        Dictionary<string, string>? outcomesByNumber = null, int? dropCustomerJoinNext = null) =>
        new(Error500Fraction: null, Error500Next: error500Next, Error500AfterCreate: null, Error429Fraction: null,
            Error429Next: error429Next, ApiLatencyMs: apiLatencyMs, HoldCreateFraction: null,
            HoldCreateNext: holdCreateNext,
            DuplicateCallbackFraction: duplicateCallbackFraction, ReorderCallbackFraction: reorderCallbackFraction,
            CallbackDelayMs: callbackDelayMs, CreateError: createError, CreateErrorsByNumber: createErrorsByNumber,
            KeyPress: keyPress, OutcomesByNumber: outcomesByNumber, DropCustomerJoinNext: dropCustomerJoinNext);
}
