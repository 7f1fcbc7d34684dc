namespace Dialer.Core.Dialing;

public sealed class CallAttempt
{
    /// <summary>Also the idempotency key of the dial: one attempt, at most one call.</summary>
    public Guid Id { get; set; }
    public Guid CampaignId { get; set; }
    public long ContactId { get; set; }
    public AttemptState State { get; set; }
    public string? CallSid { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DialedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? BridgedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? AnsweredBy { get; set; }
    public Guid? AgentId { get; set; }
    public string? Outcome { get; set; }
    public string? Disposition { get; set; }
    public int? DurationSeconds { get; set; }
    /// <summary>The highest Twilio SequenceNumber applied, so a repeated callback is recognised.</summary>
    public int LastSequenceNumber { get; set; } = -1;
    public string? Error { get; set; }
}
