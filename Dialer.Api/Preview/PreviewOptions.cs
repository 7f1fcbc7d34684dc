using System.ComponentModel.DataAnnotations;

namespace Dialer.Api.Preview;

public sealed class PreviewOptions
{
    public const string Section = "Preview";
    /// <summary>How long an agent may look at a contact before it goes back to the others.</summary>
    [Range(10, 3600)] public int HoldSeconds { get; set; } = 120;
    /// <summary>A skipped contact is offered again (to anyone) after this long.</summary>
    [Range(0, 7 * 24 * 60)] public int SkipDelayMinutes { get; set; } = 60;
    /// <summary>
    /// Cards an agent may pass over (skip, or let the hold run out) in any hour; beyond it, no skip and no new card
    /// until the oldest of them is an hour old.
    /// </summary>
    [Range(1, 600)] public int MaxSkipsPerHour { get; set; } = 30;
}
