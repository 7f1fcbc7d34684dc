using System.ComponentModel.DataAnnotations;

namespace Dialer.Worker.Privacy;

/// <summary>
/// How long contacts and their calls keep their personal data. Off until an operator turns it on: how long a list
/// may be kept is the customer's decision (its contracts, its jurisdiction), and a default that deletes would surprise.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";
    public bool Enabled { get; set; }
    /// <summary>A contact is anonymised once this many days have passed since its last call (or its import).</summary>
    [Range(30, 36500)] public int ContactsOlderThanDays { get; set; } = 730;
    [Range(1, 10080)] public int SweepEveryMinutes { get; set; } = 60;
    /// <summary>Contacts per transaction (their rows stay locked while their recordings are deleted at Twilio).
    /// </summary>
    [Range(1, 5000)] public int BatchSize { get; set; } = 200;
    [Range(1, 1000)] public int MaxBatchesPerSweep { get; set; } = 50;
}
