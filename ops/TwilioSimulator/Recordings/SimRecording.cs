namespace Dialer.TwilioSimulator.Recordings;

/// <summary>One recording of a call, started by the Recordings API. Mutations take <see cref="Gate"/>.</summary>
public sealed class SimRecording
{
    public required string Sid { get; init; }
    public required string AccountSid { get; init; }
    public required string CallSid { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required int Channels { get; init; }
    public required string Track { get; init; }
    public required string Trim { get; init; }

    /// <summary>
    /// Where the simulator was reached when the recording began: RecordingUrl and media_url start with it.
    /// </summary>
    public required string BaseUrl { get; init; }
    public string? CallbackUrl { get; init; }
    public string CallbackMethod { get; init; } = "POST";
    public IReadOnlySet<string> CallbackEvents { get; init; } = new HashSet<string> { "completed" };

    public Lock Gate { get; } = new();
    public string Status { get; set; } = RecordingStatus.InProgress;
    public DateTimeOffset UpdatedAt { get; set; }
    public bool Deleted { get; set; }

    /// <summary>
    /// Time recorded so far, not counting pauses; and when the current stretch began (null while paused or done).
    /// </summary>
    public TimeSpan Recorded { get; set; }
    public DateTimeOffset? RecordingSince { get; set; }

    /// <summary>Callbacks of one recording are posted one after another, in order.</summary>
    public Task Posting { get; set; } = Task.CompletedTask;

    public const string Source = "StartCallRecordingAPI";

    public bool IsLive => Status is RecordingStatus.InProgress or RecordingStatus.Paused;

    /// <summary>Whole seconds recorded (Twilio's duration), at <paramref name="now"/>.</summary>
    public int DurationSeconds(DateTimeOffset now) =>
        (int)Math.Ceiling((Recorded + (RecordingSince is { } since ? now - since : TimeSpan.Zero)).TotalSeconds);

    public string MediaUrl => $"{BaseUrl}/2010-04-01/Accounts/{AccountSid}/Recordings/{Sid}";
}

public static class RecordingStatus
{
    public const string InProgress = "in-progress";
    public const string Paused = "paused";
    public const string Stopped = "stopped";
    public const string Completed = "completed";
}
