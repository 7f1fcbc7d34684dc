using Dialer.TwilioSimulator.Calls;

namespace Dialer.TwilioSimulator.Agents;

/// <summary>One conference room; the registry's lock guards it.</summary>
sealed class Conference(string name, string sid, DateTimeOffset createdAt)
{
    public string Name { get; } = name;
    public string Sid { get; } = sid;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public DateTimeOffset UpdatedAt { get; private set; } = createdAt;
    public string Status { get; set; } = ConferenceStatus.Init;
    public string? ReasonEnded { get; set; }
    public string? CallSidEnding { get; set; }
    public List<Participant> Participants { get; } = [];
    public Dictionary<string, TaskCompletionSource> Departures { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Where conference events go: set by the first participant who joins with a statusCallback, as Twilio does.
    /// </summary>
    public ConferenceCallbackRequest? Callback { get; set; }
    public int NextSequenceNumber { get; set; } = 1;
    readonly List<HearingChange> _hearing = [];

    public IEnumerable<Participant> Present() => Participants.Where(p => p.Status == ParticipantStatus.Connected);

    public void Touch(DateTimeOffset now) => UpdatedAt = now;

    /// <summary>Notes who hears whom after a change, when it differs from before.</summary>
    public void Heard(string why, DateTimeOffset now)
    {
        Touch(now);
        var earshots = Status == ConferenceStatus.InProgress ? Earshot.Between(Present().ToList()) : [];
        if (_hearing.Count > 0 && _hearing[^1].Earshots.SequenceEqual(earshots)) return;
        _hearing.Add(new HearingChange(now, why, earshots));
    }

    /// <summary>Something the room hears that is not a participant (early media ringing, an announcement).</summary>
    public void Note(string what, DateTimeOffset now)
    {
        Touch(now);
        _hearing.Add(new HearingChange(now, what, Status == ConferenceStatus.InProgress
            ? Earshot.Between(Present().ToList()) : []));
    }

    public ConferenceSnapshot Snapshot() =>
        new(Name, Sid, CreatedAt, UpdatedAt, Status, ReasonEnded, CallSidEnding, Participants.ToList(),
            Status == ConferenceStatus.InProgress ? Earshot.Between(Present().ToList()) : [], _hearing.ToList());
}

public static class ConferenceStatus
{
    public const string Init = "init";
    public const string InProgress = "in-progress";
    public const string Completed = "completed";
}

/// <summary>
/// Twilio's participant statuses the simulator uses: ringing to join (queued), in the room (connected), gone
/// (complete).
/// </summary>
public static class ParticipantStatus
{
    public const string Queued = "queued";
    public const string Connected = "connected";
    public const string Complete = "complete";
}

public enum ParticipantRole { Customer, Agent, Coach }

/// <param name="Coaching">The call SID this participant coaches (whispers to), or null when not coaching.</param>
public sealed record Participant(
    string CallSid, string Label, ParticipantRole Role, bool Muted, string? Coaching, bool EndConferenceOnExit,
    DateTimeOffset? JoinedAt, DateTimeOffset? LeftAt)
{
    public string Status { get; init; } = ParticipantStatus.Queued;
    public bool Hold { get; init; }
    public bool StartConferenceOnEnter { get; init; } = true;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public double QueueTimeMs { get; init; }

    /// <summary>
    /// What they hear while the room has not started: "none" (waitUrl=""), "default" (Twilio's music) or the waitUrl.
    /// </summary>
    public string WaitMusic { get; init; } = "default";

    /// <summary>What they hear on hold: the HoldUrl of the last update, or Twilio's default music (null).</summary>
    public string? HoldUrl { get; init; }
    public string? HoldMethod { get; init; }

    /// <summary>DTMF played to this participant by announcements (&lt;Play digits&gt;), in order.</summary>
    public IReadOnlyList<string> DigitsHeard { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    internal ConferenceCallbackRequest? ConferenceCallback { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    internal SimCall? Call { get; init; }
}

/// <summary>Who hears whom in the room: <see cref="Listener"/> hears <see cref="Speaker"/>.</summary>
public sealed record Earshot(string Listener, string ListenerLabel, string Speaker, string SpeakerLabel)
{
    /// <summary>
    /// A speaker is heard unless muted or on hold; a coach (whisper) is heard only by the call they coach; a listener
    /// on hold hears the hold music, nobody in the room.
    /// </summary>
    public static IReadOnlyList<Earshot> Between(IReadOnlyList<Participant> present) =>
    [
        .. from listener in present
           from speaker in present
           where listener.CallSid != speaker.CallSid && !listener.Hold && !speaker.Hold && !speaker.Muted
                 && (speaker.Coaching is null || speaker.Coaching == listener.CallSid)
           select new Earshot(listener.CallSid, listener.Label, speaker.CallSid, speaker.Label),
    ];
}

/// <param name="Events">Twilio's short names: start end join leave mute hold (others accepted, not sent).</param>
public sealed record ConferenceCallbackRequest(string Url, string Method, IReadOnlySet<string> Events)
{
    public static ConferenceCallbackRequest? Of(string? url, string? method, IEnumerable<string?> events)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        var named = events.SelectMany(
            e => (e ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
        return new(url, string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase) ? "GET" : "POST",
            named.Count == 0 ? new HashSet<string> { "start", "end" } : named);
    }
}

public sealed record HearingChange(DateTimeOffset At, string Why, IReadOnlyList<Earshot> Earshots);

public sealed record ConferenceSnapshot(
    string Name, string Sid, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Status, string? ReasonEnded,
    string? CallSidEnding, IReadOnlyList<Participant> Participants, IReadOnlyList<Earshot> Hearing,
    IReadOnlyList<HearingChange> HearingHistory)
{
    public bool Hears(string listenerCallSid, string speakerCallSid) =>
        Hearing.Any(e => e.Listener == listenerCallSid && e.Speaker == speakerCallSid);
}
