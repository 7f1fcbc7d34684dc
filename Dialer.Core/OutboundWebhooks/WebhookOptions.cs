using System.ComponentModel.DataAnnotations;

namespace Dialer.Core.OutboundWebhooks;

public sealed class WebhookOptions
{
    public const string Section = "Webhooks";
    /// <summary>Loopback, private, link-local and similar addresses are refused (at registration and at every
    /// connection) unless this is on: a subscription must not reach into the engine's own network. On for local
    /// demos and tests, which listen on 127.0.0.1.</summary>
    public bool AllowPrivateAddresses { get; set; }
    /// <summary>The sender looks for due deliveries this often when nothing wakes it.</summary>
    [Range(10, 60_000)] public int PollMilliseconds { get; set; } = 1000;
    [Range(1, 1000)] public int BatchSize { get; set; } = 50;
    /// <summary>A receiver that has not answered by then has failed this attempt.</summary>
    [Range(1, 120)] public int TimeoutSeconds { get; set; } = 10;
    /// <summary>The wait after the first failure, doubled after each further one up to <see cref="MaxRetrySeconds"/>.
    /// </summary>
    [Range(0.01, 3600)] public double FirstRetrySeconds { get; set; } = 5;
    [Range(0.01, 86_400)] public double MaxRetrySeconds { get; set; } = 3600;
    /// <summary>A delivery still failing this long after its event is given up.</summary>
    [Range(0.001, 720)] public double GiveUpAfterHours { get; set; } = 24;
    /// <summary>Delivered and given-up deliveries are deleted after this many days.</summary>
    [Range(1, 3650)] public int KeepDays { get; set; } = 30;
}
