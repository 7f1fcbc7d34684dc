using System.ComponentModel.DataAnnotations;

namespace Dialer.TwilioSimulator.Hosting;

/// <summary>The "Simulator" configuration section. Durations are in milliseconds unless named otherwise.</summary>
public sealed class SimulatorOptions : IValidatableObject
{
    public const string Section = "Simulator";

    public int Seed { get; set; } = 12345;

    /// <summary>Twilio's pattern for an account SID: any other is an account Twilio cannot have.</summary>
    [Required, RegularExpression("^AC[0-9a-fA-F]{32}$")]
    public string AccountSid { get; set; } = "AC00000000000000000000000000000001";

    [Required, MinLength(8)]
    public string AuthToken { get; set; } = "simulator-auth-token";

    [Range(0.01, 100_000)]
    public double CallsPerSecond { get; set; } = 1;

    [Range(1, 100_000)]
    public int MaxConcurrentRequests { get; set; } = 100;

    public OutcomeMix Outcomes { get; set; } = new();

    /// <summary>
    /// From ringing to answer (or busy / failed). A ring longer than the call's Timeout ends no-answer.
    /// </summary>
    public DurationRange RingTime { get; set; } = new(2_000, 8_000);

    /// <summary>How long an answered callee stays on the line when no agent is talking with them.</summary>
    public DurationRange TalkTime { get; set; } = new(20_000, 90_000);

    /// <summary>From create (or queue turn) to ringing.</summary>
    public DurationRange InitiateTime { get; set; } = new(50, 200);

    public AmdOptions Amd { get; set; } = new();

    public AgentOptions Agents { get; set; } = new();

    /// <summary>The account's phone numbers, and the caller IDs customers never answer.</summary>
    public Numbers.NumberOptions Numbers { get; set; } = new();

    /// <summary>Added before every status callback is sent (on top of the delay fault).</summary>
    public DurationRange CallbackDelay { get; set; } = new(0, 0);

    /// <summary>Multiplies TwiML durations: Say (per character), Play, Pause. Tests set it small.</summary>
    [Range(0, 100)]
    public double TwimlTimeScale { get; set; } = 1;

    [Range(0, 10_000)]
    public int SayMillisecondsPerCharacter { get; set; } = 65;

    [Range(0, 600_000)]
    public int PlayMilliseconds { get; set; } = 5_000;

    [Range(100, 600_000)]
    public int WebhookTimeoutMilliseconds { get; set; } = 15_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, range) in new[]
                 {
                     (nameof(RingTime), RingTime), (nameof(TalkTime), TalkTime), (nameof(InitiateTime), InitiateTime),
                     (nameof(CallbackDelay), CallbackDelay), ("Amd.DetectionTime", Amd.DetectionTime),
                     ("Amd.MessageEndTime", Amd.MessageEndTime), ("Agents.AnswerDelay", Agents.AnswerDelay),
                     ("Agents.TalkTime", Agents.TalkTime),
                 })
        {
            if (range.Min < 0 || range.Max < range.Min)
                yield return new ValidationResult($"{Section}:{name} needs 0 <= Min <= Max", [name]);
        }

        if (Outcomes.Total <= 0)
            yield return new ValidationResult($"{Section}:Outcomes needs at least one positive weight",
                [nameof(Outcomes)]);
        if (Outcomes.AsWeights().Any(w => w < 0))
            yield return new ValidationResult($"{Section}:Outcomes weights must not be negative", [nameof(Outcomes)]);
        if (!System.Text.RegularExpressions.Regex.IsMatch(Agents.PhonePrefix ?? "", @"^\+\d{1,14}$"))
            yield return new ValidationResult($"{Section}:Agents:PhonePrefix must be a + and 1 to 14 digits",
                ["Agents.PhonePrefix"]);
        if (Amd.UnknownFraction is < 0 or > 1 || Amd.FaxFraction is < 0 or > 1)
            yield return new ValidationResult($"{Section}:Amd fractions must lie in [0, 1]", [nameof(Amd)]);
    }
}

/// <summary>Relative weights of how a call ends up once it rings.</summary>
public sealed class OutcomeMix
{
    public double Human { get; set; } = 55;
    public double Machine { get; set; } = 20;
    public double Busy { get; set; } = 8;
    public double NoAnswer { get; set; } = 15;
    public double Failed { get; set; } = 2;

    public double Total => AsWeights().Sum();
    public double[] AsWeights() => [Human, Machine, Busy, NoAnswer, Failed];
}

/// <summary>A uniform distribution over [Min, Max] milliseconds.</summary>
public sealed class DurationRange
{
    public DurationRange() { }
    public DurationRange(int min, int max) => (Min, Max) = (min, max);

    public int Min { get; set; }
    public int Max { get; set; }
}

public sealed class AmdOptions
{
    /// <summary>From answer to the verdict (human / machine_start / fax / unknown).</summary>
    public DurationRange DetectionTime { get; set; } = new(1_500, 4_000);

    /// <summary>Extra wait for the beep when MachineDetection=DetectMessageEnd hears a machine.</summary>
    public DurationRange MessageEndTime { get; set; } = new(5_000, 15_000);

    /// <summary>Share of verdicts that come back "unknown" instead of the truth.</summary>
    public double UnknownFraction { get; set; }

    /// <summary>Share of machines that turn out to be fax machines.</summary>
    public double FaxFraction { get; set; }
}

public sealed class AgentOptions
{
    public DurationRange AnswerDelay { get; set; } = new(1_000, 3_000);
    public DurationRange TalkTime { get; set; } = new(30_000, 120_000);

    /// <summary>Agents that never pick up: a Dial to them ends no-answer.</summary>
    public string[] NeverAnswer { get; set; } = [];

    /// <summary>Agents (or supervisors) brought into a room who stay until the engine ends their call.</summary>
    public string[] NeverHangUp { get; set; } = [];

    /// <summary>
    /// E.164 numbers starting with this are simulated agents' own phones, each agent named by its number.
    /// </summary>
    public string PhonePrefix { get; set; } = "+1202555";

    /// <summary>
    /// The simulated agent a call to <paramref name="to"/> rings (client:NAME, or a phone under PhonePrefix), or null
    /// for anyone else.
    /// </summary>
    public string? AgentCalledBy(string to) =>
        to.StartsWith("client:", StringComparison.OrdinalIgnoreCase) ? to["client:".Length..]
        : to.StartsWith(PhonePrefix, StringComparison.Ordinal) ? to
        : null;
}
