namespace Dialer.Contracts;

/// <summary>
/// Dial the contact of this attempt. The attempt id is the idempotency key: one attempt, at most one call.
/// </summary>
public sealed record PlaceCall(Guid AttemptId, Guid CampaignId);

/// <summary>Twilio reported a new state for the attempt's call (queued, initiated, ringing, in-progress).</summary>
public sealed record CallStatusChanged(Guid AttemptId, Guid CampaignId, string Status, DateTimeOffset At);

/// <summary>The customer's line was answered, by a person or a machine (AnsweredBy as Twilio reports it).</summary>
public sealed record CallAnswered(Guid AttemptId, Guid CampaignId, string? AnsweredBy, DateTimeOffset At);

/// <summary>
/// The attempt reached its final state; Outcome is completed, busy, no-answer, failed, canceled or skipped.
/// </summary>
public sealed record CallCompleted(Guid AttemptId, Guid CampaignId, string Outcome, string? AnsweredBy,
    int? DurationSeconds, DateTimeOffset At);
