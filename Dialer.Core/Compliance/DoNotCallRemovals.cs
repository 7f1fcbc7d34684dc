using Dialer.Core.Changes;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Compliance;

/// <summary>
/// Takes a number off the list (global or one campaign's), keeping the entry as a removal, in one change.
/// </summary>
public static class DoNotCallRemovals
{
    public const int MaxReasonLength = 500;

    /// <returns>false when the number was not on that list</returns>
    public static Task<bool> RemoveAsync(StateChanges changes, string phone, Guid? campaignId, string by, string why,
        CancellationToken ct) =>
        changes.RunAsync(async (unit, token) =>
        {
            var entries = await unit.Db.DoNotCall.FromSql($"""
                    SELECT * FROM do_not_call
                     WHERE phone = {phone} AND campaign_id IS NOT DISTINCT FROM {campaignId} FOR UPDATE
                    """)
                .ToListAsync(token);
            if (entries.Count == 0)
            {
                unit.Discard();
                return false;
            }
            unit.Db.DoNotCallRemovals.AddRange(entries.Select(e => DoNotCallRemoval.Of(e, by, why, unit.Now)));
            unit.Db.DoNotCall.RemoveRange(entries);
            return true;
        }, ct);
}
