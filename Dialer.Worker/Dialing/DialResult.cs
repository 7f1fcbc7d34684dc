using Dialer.Core.Dialing;

namespace Dialer.Worker.Dialing;

/// <summary>What became of one create-call request, as far as the engine can know.</summary>
public abstract record DialResult
{
    /// <summary>Twilio created the call.</summary>
    public sealed record Placed(string CallSid, string Status) : DialResult;
    /// <summary>
    /// The request cannot have created a call (429, connection refused, open circuit): it may be sent again.
    /// </summary>
    public sealed record NotSent(string Reason) : DialResult;
    /// <summary>
    /// Twilio refused the call: for the number's sake (invalid number) or the account's (rotated token).
    /// </summary>
    public sealed record Rejected(int Status, int Code, string Message) : DialResult
    {
        public DialRefusal Refusal => TwilioRefusals.Classify(Status, Code);
    }
    /// <summary>The request may have reached Twilio but its answer was lost: reconcile, never repeat.</summary>
    public sealed record Unknown(string Reason) : DialResult;
}
