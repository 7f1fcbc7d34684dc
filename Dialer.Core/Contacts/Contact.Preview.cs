using Dialer.Core.Campaigns;

namespace Dialer.Core.Contacts;

/// <summary>
/// A preview campaign's agent holds a contact while they read it: nobody else is offered it until they dial,
/// skip, or the hold runs out (an expired hold needs no sweeper: the claim query treats it as no hold).
/// </summary>
public sealed partial class Contact
{
    public const int MaxSkipReasonLength = 200;

    public Guid? HeldByAgentId { get; set; }
    public DateTimeOffset? HeldUntil { get; set; }
    /// <summary>How often agents skipped this contact in preview, and the last reason they gave.</summary>
    public int SkipCount { get; set; }
    public string? LastSkipReason { get; set; }

    public bool IsHeldBy(Guid agentId, DateTimeOffset now) => HeldByAgentId == agentId && HeldUntil > now;

    public void HoldFor(Guid agentId, DateTimeOffset until)
    {
        HeldByAgentId = agentId;
        HeldUntil = until;
    }

    public void ReleaseHold()
    {
        HeldByAgentId = null;
        HeldUntil = null;
    }

    /// <summary>
    /// The agent passed on it: others may have it after <paramref name="comeBackAfter"/>, and the reason is kept.
    /// </summary>
    public Refusal? TrySkip(Guid agentId, string? reason, TimeSpan comeBackAfter, DateTimeOffset now)
    {
        if (!IsHeldBy(agentId, now)) return NotHeld;
        ReleaseHold();
        SkipCount++;
        LastSkipReason = reason;
        NextAttemptAt = now + comeBackAfter;
        return null;
    }

    public static readonly Refusal NotHeld =
        new("You do not hold this contact (its hold may have run out): take the next one.");
}
