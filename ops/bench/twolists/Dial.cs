using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Bench.TwoLists;

/// <summary>
/// The request leaving for Twilio, as the Worker's DialClaim stamps it (Created → Dialing, dialed_at now), for a
/// claim's whole batch in one statement; no request is sent.
/// </summary>
public static class Dial
{
    public static async Task LeavingAsync(DialerDb db, IReadOnlyList<CallAttempt> attempts, TimeProvider clock,
        CancellationToken ct)
    {
        if (attempts.Count == 0) return;
        var ids = attempts.Select(a => a.Id).ToArray();
        var now = clock.GetUtcNow();
        await db.CallAttempts.Where(a => ids.Contains(a.Id) && a.State == AttemptState.Created)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.State, AttemptState.Dialing)
                .SetProperty(a => a.DialedAt, now), ct);
    }
}
