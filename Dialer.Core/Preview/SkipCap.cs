using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Preview;

/// <summary>
/// The agent passed over their whole allowance of cards in the last hour: no skip and no new card before
/// <paramref name="Until"/>, when the oldest of those leaves the hour.
/// </summary>
public sealed record SkipCapReached(int MaxPerHour, DateTimeOffset Until)
{
    public string Reason =>
        $"You passed over {MaxPerHour} contacts in the last hour, the most allowed: dial the contact you hold, or "
        + $"wait until {Until:HH:mm} UTC for the next one.";
}

/// <summary>
/// Counts an agent's skipped and lapsed cards of the last rolling hour from <c>preview_cards</c>, so every Api
/// instance sees the same count. Callers hold the agent's row lock, so two skips cannot both slip under the cap.
/// </summary>
public static class SkipCap
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public static async Task<SkipCapReached?> CheckAsync(DialerDb db, Guid agentId, int maxPerHour,
        DateTimeOffset now, CancellationToken ct)
    {
        // the max-th most recent pass: once it leaves the hour the agent is one under the cap again
        var since = now - Window;
        var nth = await db.PreviewCards.AsNoTracking()
            .Where(c => c.AgentId == agentId && c.EndedAt > since && c.Outcome != null
                && PreviewCardShown.PassedOver.Contains(c.Outcome.Value))
            .OrderByDescending(c => c.EndedAt).Skip(maxPerHour - 1).Select(c => c.EndedAt).FirstOrDefaultAsync(ct);
        return nth is { } at ? new SkipCapReached(maxPerHour, at + Window) : null;
    }
}
