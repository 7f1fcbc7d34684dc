using System.ComponentModel.DataAnnotations;

namespace Dialer.Core.Changes;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";
    /// <summary>How often the dispatcher looks unwoken: what a crash between commit and wake-up costs.</summary>
    [Range(10, 60_000)] public int PollMilliseconds { get; set; } = 1000;
    [Range(1, 10_000)] public int BatchSize { get; set; } = 200;
    /// <summary>A publish not confirmed by then counts as failed (the broker is down): tried again.</summary>
    [Range(1, 300)] public int PublishTimeoutSeconds { get; set; } = 5;
    /// <summary>The longest wait between rounds while the broker is down.</summary>
    [Range(1, 300)] public int MaxBackoffSeconds { get; set; } = 10;
    /// <summary>Published rows are kept this long (to look into), then deleted.</summary>
    [Range(1, 100_000)] public int KeepPublishedMinutes { get; set; } = 60;
}
