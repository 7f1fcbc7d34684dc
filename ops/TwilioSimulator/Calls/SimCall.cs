namespace Dialer.TwilioSimulator.Calls;

/// <summary>
/// One call the simulator was asked to place: its Twilio-visible state and what happened to it.
/// Mutations take <see cref="Gate"/>; readers take snapshots.
/// </summary>
public sealed class SimCall
{
    public required string Sid { get; init; }
    public required string AccountSid { get; init; }
    public required string To { get; init; }
    public required string From { get; init; }
    public required long Number { get; init; }
    public required CallInstructions Instructions { get; init; }
    public required PlannedOutcome Outcome { get; init; }
    public required TimeSpan RingTime { get; init; }
    public required TimeSpan TalkTime { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset QueueTurn { get; init; }

    /// <summary>
    /// The simulated agent this call rings (client:NAME or an agent's phone), or null when it rings a customer.
    /// </summary>
    public string? RingsAgent { get; init; }

    /// <summary>"outbound-api" for a call the engine placed; "inbound" for a customer calling one of the numbers.
    /// </summary>
    public string Direction { get; init; } = "outbound-api";

    /// <summary>The key this caller presses during the first Gather (an inbound call's own); null for the fault's.
    /// </summary>
    public string? KeyPress { get; init; }

    /// <summary>This call's own seeded chance (see <see cref="Hosting.SimRandom.ForCall"/>).</summary>
    public required Hosting.SimRandom Chance { get; init; }

    public Lock Gate { get; } = new();
    public CallControl Control { get; } = new();

    public string Status { get; set; } = CallStatus.Queued;
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? StartTime { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? EndTime { get; set; }
    public string? AnsweredBy { get; set; }
    public string? Agent { get; set; }
    public string? Conference { get; set; }
    public string? Queue { get; set; }
    public string? LastError { get; set; }
    public int NextSequenceNumber { get; set; }
    public List<string> Trail { get; } = [];

    public TimeSpan QueueTime => QueueTurn - CreatedAt;

    /// <summary>Whole seconds from answer to end, as Twilio reports duration; 0 when never answered.</summary>
    public int DurationSeconds =>
        AnsweredAt is { } answered && EndTime is { } end ? (int)Math.Ceiling((end - answered).TotalSeconds) : 0;

    public void Note(string what)
    {
        lock (Gate) Trail.Add(what);
    }
}
