namespace Dialer.Core.OutboundWebhooks;

/// <summary>One POST of a delivery and what came of it.</summary>
public sealed class WebhookAttempt
{
    public const int MaxErrorChars = 300;

    public long Id { get; set; }
    public long DeliveryId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The receiver's status code; null when no answer came (refused, timed out, address not allowed).
    /// </summary>
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
    public int DurationMs { get; set; }
}
