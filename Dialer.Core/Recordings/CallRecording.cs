namespace Dialer.Core.Recordings;

/// <summary>
/// One recording of a customer's call, kept with its attempt: who talked, when, how long, and until when it is kept.
/// Twilio holds the audio; the engine holds the record and deletes both when the campaign's retention runs out.
/// </summary>
public sealed class CallRecording
{
    public Guid Id { get; set; }
    public Guid AttemptId { get; set; }
    public Guid CampaignId { get; set; }
    public Guid? AgentId { get; set; }
    /// <summary>Twilio's Recording SID (RE...).</summary>
    public string RecordingSid { get; set; } = "";
    public RecordingStatus Status { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public int? DurationSeconds { get; set; }
    public DateTimeOffset DeleteAfter { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }

    public static CallRecording Started(Guid attemptId, Guid campaignId, Guid? agentId, string recordingSid,
        int retentionDays, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now), AttemptId = attemptId, CampaignId = campaignId, AgentId = agentId,
            RecordingSid = recordingSid,
            Status = RecordingStatus.InProgress, StartedAt = now, DeleteAfter = now.AddDays(retentionDays),
        };

    /// <summary>Twilio's status callback; a repeated or late one changes nothing once the recording is final.</summary>
    public bool Finished(RecordingStatus status, int? durationSeconds, DateTimeOffset now)
    {
        if (Status != RecordingStatus.InProgress || status == RecordingStatus.InProgress) return false;
        Status = status;
        DurationSeconds = durationSeconds;
        CompletedAt = now;
        return true;
    }

    public void Deleted(DateTimeOffset now)
    {
        Status = RecordingStatus.Deleted;
        DeletedAt = now;
    }
}

public enum RecordingStatus { InProgress, Completed, Failed, Deleted }
