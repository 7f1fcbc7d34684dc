using Dialer.TwilioSimulator.Hosting;

namespace Dialer.TwilioSimulator.Faults;

/// <summary>The faults in force; all off by default. POST /sim/faults changes them at run time.</summary>
public sealed record FaultSettings
{
    /// <summary>Share of API requests answered 500 (code 20500).</summary>
    public double Error500Fraction { get; init; }

    /// <summary>The next this-many API requests are answered 500.</summary>
    public int Error500Next { get; init; }

    /// <summary>
    /// When true an injected 500 on a create comes after the call was placed (the worst case for a client).
    /// </summary>
    public bool Error500AfterCreate { get; init; }

    /// <summary>Share of API requests answered 429 (code 20429), on top of the real concurrency limit.</summary>
    public double Error429Fraction { get; init; }

    /// <summary>The next this-many API requests are answered 429.</summary>
    public int Error429Next { get; init; }

    /// <summary>
    /// Every API request takes at least this long: with it, concurrent requests pile up and hit the limit.
    /// </summary>
    public int ApiLatencyMs { get; init; }

    /// <summary>Share of creates whose call proceeds while the HTTP response never comes.</summary>
    public double HoldCreateFraction { get; init; }

    /// <summary>The next this-many creates proceed while the HTTP response never comes.</summary>
    public int HoldCreateNext { get; init; }

    /// <summary>Share of status callbacks sent twice.</summary>
    public double DuplicateCallbackFraction { get; init; }

    /// <summary>Share of status callbacks held back and sent after the next one.</summary>
    public double ReorderCallbackFraction { get; init; }

    /// <summary>Added before each status callback.</summary>
    public int CallbackDelayMs { get; init; }

    /// <summary>
    /// The next this-many customers' participant-join events are never sent: the one Worker was down as they came.
    /// </summary>
    public int DropCustomerJoinNext { get; init; }

    /// <summary>
    /// Every create is answered with this error and places no call: 401/20003 a wrong or rotated auth token, 400/21210
    /// a caller ID not verified, 400/21215 geographic permissions, 422 a validating proxy.
    /// </summary>
    public InjectedError? CreateError { get; init; }

    /// <summary>Creates to these numbers (E.164) are answered with their error: 400/21211 an invalid To...</summary>
    public IReadOnlyDictionary<string, InjectedError>? CreateErrorsByNumber { get; init; }

    /// <summary>
    /// Calls to these numbers (E.164) end this way, whatever the mix draws: "human", "machine", "busy", "no-answer",
    /// "failed" (a customer whose home phone never answers and whose mobile does).
    /// </summary>
    public IReadOnlyDictionary<string, string>? OutcomesByNumber { get; init; }

    /// <summary>For the logs: the numbers shown by their last four digits only.</summary>
    public FaultSettings Masked() => this with
    {
        CreateErrorsByNumber = CreateErrorsByNumber?.ToDictionary(e => PhoneMask.Mask(e.Key), e => e.Value),
        OutcomesByNumber = OutcomesByNumber?.ToDictionary(e => PhoneMask.Mask(e.Key), e => e.Value),
    };

    /// <summary>The names <see cref="OutcomesByNumber"/> takes.</summary>
    public static readonly IReadOnlyDictionary<string, Calls.PlannedOutcome> Outcomes =
        new Dictionary<string, Calls.PlannedOutcome>
        {
            ["human"] = Calls.PlannedOutcome.Human, ["machine"] = Calls.PlannedOutcome.Machine,
            ["busy"] = Calls.PlannedOutcome.Busy, ["no-answer"] = Calls.PlannedOutcome.NoAnswer,
            ["failed"] = Calls.PlannedOutcome.Failed,
        };

    /// <summary>Share of API requests answered 401 (code 20003), as if the auth token had been rotated.</summary>
    public double Error401Fraction { get; init; }

    /// <summary>The next this-many API requests are answered 401 (code 20003).</summary>
    public int Error401Next { get; init; }

    /// <summary>
    /// The key every callee presses during a Gather's first prompt (one DTMF key), as a customer opting out would;
    /// null: nobody presses anything and each Gather times out.
    /// </summary>
    public string? KeyPress { get; init; }
}

/// <summary>A partial update of <see cref="FaultSettings"/>: only the fields given change.</summary>
public sealed record FaultPatch(
    double? Error500Fraction, int? Error500Next, bool? Error500AfterCreate, double? Error429Fraction, int? Error429Next,
    int? ApiLatencyMs, double? HoldCreateFraction, int? HoldCreateNext, double? DuplicateCallbackFraction,
    double? ReorderCallbackFraction, int? CallbackDelayMs, double? Error401Fraction = null, int? Error401Next = null,
    InjectedError? CreateError = null, Dictionary<string, InjectedError>? CreateErrorsByNumber = null,
    string? KeyPress = null, Dictionary<string, string>? OutcomesByNumber = null, int? DropCustomerJoinNext = null)
{
    public FaultSettings ApplyTo(FaultSettings s) => s with
    {
        Error500Fraction = Error500Fraction ?? s.Error500Fraction,
        Error500Next = Error500Next ?? s.Error500Next,
        Error500AfterCreate = Error500AfterCreate ?? s.Error500AfterCreate,
        Error429Fraction = Error429Fraction ?? s.Error429Fraction,
        Error429Next = Error429Next ?? s.Error429Next,
        ApiLatencyMs = ApiLatencyMs ?? s.ApiLatencyMs,
        HoldCreateFraction = HoldCreateFraction ?? s.HoldCreateFraction,
        HoldCreateNext = HoldCreateNext ?? s.HoldCreateNext,
        DuplicateCallbackFraction = DuplicateCallbackFraction ?? s.DuplicateCallbackFraction,
        ReorderCallbackFraction = ReorderCallbackFraction ?? s.ReorderCallbackFraction,
        CallbackDelayMs = CallbackDelayMs ?? s.CallbackDelayMs,
        DropCustomerJoinNext = DropCustomerJoinNext ?? s.DropCustomerJoinNext,
        Error401Fraction = Error401Fraction ?? s.Error401Fraction,
        Error401Next = Error401Next ?? s.Error401Next,
        // status 0 turns the error off; an empty map clears the numbers
        CreateError = CreateError is null ? s.CreateError : CreateError.Status == 0 ? null : CreateError,
        CreateErrorsByNumber = CreateErrorsByNumber is null ? s.CreateErrorsByNumber
            : CreateErrorsByNumber.Count == 0 ? null : new Dictionary<string, InjectedError>(CreateErrorsByNumber),
        OutcomesByNumber = OutcomesByNumber is null ? s.OutcomesByNumber
            : OutcomesByNumber.Count == 0 ? null : new Dictionary<string, string>(OutcomesByNumber),
        // "" stops the key presses
        KeyPress = KeyPress is null ? s.KeyPress : KeyPress.Length == 0 ? null : KeyPress,
    };

    public string? Problem()
    {
        double?[] fractions = [Error500Fraction, Error429Fraction, HoldCreateFraction, DuplicateCallbackFraction,
            ReorderCallbackFraction, Error401Fraction];
        if (fractions.Any(f => f is < 0 or > 1)) return "fractions must lie in [0, 1]";
        int?[] counts = [Error500Next, Error429Next, ApiLatencyMs, HoldCreateNext, CallbackDelayMs, Error401Next];
        if (counts.Any(c => c < 0)) return "counts and delays must not be negative";
        var badError = CreateError is { Status: not 0, IsValid: false };
        if (badError || CreateErrorsByNumber?.Values.Any(e => !e.IsValid) == true)
            return "an injected create error needs a 4xx status (0 turns it off) and a code of 0 or more";
        if (OutcomesByNumber?.Values.Any(o => !FaultSettings.Outcomes.ContainsKey(o)) == true)
            return "an outcome by number is one of human, machine, busy, no-answer, failed";
        if (KeyPress is { Length: > 0 } key && (key.Length > 1 || !"0123456789*#".Contains(key[0])))
            return "keyPress is one DTMF key (0-9, * or #), or \"\" for none";
        return null;
    }
}
