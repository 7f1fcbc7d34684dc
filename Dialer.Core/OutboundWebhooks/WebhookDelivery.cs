namespace Dialer.Core.OutboundWebhooks;

public enum DeliveryState { Pending, Delivered, GaveUp }

/// <summary>
/// One event for one subscription: written with the change that caused it, sent until the receiver answers 2xx or a
/// day has passed. Deliveries of one subscription with the same <see cref="OrderKey"/> (a contact, a campaign) go out
/// one after another, in id order.
/// </summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }
    public Guid SubscriptionId { get; set; }
    /// <summary>The event's id, in the body: a replay, and any repeat, carry the same one.</summary>
    public Guid EventId { get; set; }
    public string Event { get; set; } = "";
    public string OrderKey { get; set; } = "";
    /// <summary>The exact JSON sent and signed.</summary>
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DeliveryState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    /// <summary>The delivery this one sends again, when a person replayed it.</summary>
    public long? ReplayOf { get; set; }

    /// <summary>Notes an attempt: delivered on a 2xx; otherwise due again after a doubling wait, or given up once
    /// <see cref="WebhookOptions.GiveUpAfterHours"/> have passed since the event (or the replay).</summary>
    public WebhookAttempt Record(int? statusCode, string? error, TimeSpan took, DateTimeOffset now, WebhookOptions o)
    {
        Attempts++;
        LastAttemptAt = now;
        if (statusCode is >= 200 and < 300)
        {
            State = DeliveryState.Delivered;
            DeliveredAt = now;
        }
        else if (now - CreatedAt >= TimeSpan.FromHours(o.GiveUpAfterHours)) State = DeliveryState.GaveUp;
        else NextAttemptAt = now + RetryDelay(Attempts, o);
        return new WebhookAttempt
        {
            DeliveryId = Id, At = now, StatusCode = statusCode, DurationMs = (int)took.TotalMilliseconds,
            Error = error is null ? null : error[..Math.Min(error.Length, WebhookAttempt.MaxErrorChars)],
        };
    }

    public static TimeSpan RetryDelay(int failures, WebhookOptions o) => TimeSpan.FromSeconds(
        Math.Min(o.FirstRetrySeconds * Math.Pow(2, Math.Min(failures - 1, 30)), o.MaxRetrySeconds));

    /// <summary>A new delivery of the same event to the same subscription, due now, after whatever is pending for
    /// the same key.</summary>
    public WebhookDelivery Replay(DateTimeOffset now) => new()
    {
        SubscriptionId = SubscriptionId, EventId = EventId, Event = Event, OrderKey = OrderKey, Body = Body,
        CreatedAt = now, NextAttemptAt = now, State = DeliveryState.Pending, ReplayOf = Id,
    };
}
