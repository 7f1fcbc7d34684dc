using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Dialing;

/// <summary>
/// The due contacts of one campaign, locked (FOR UPDATE SKIP LOCKED) a page at a time in dialing order: priority, then
/// when due, then id. Each priority is its own range of the index (campaign, status, priority, next_attempt_at, id),
/// read only up to now: the many contacts due later (retries hours away) are never walked over.
/// </summary>
public static class DueContacts
{
    static readonly short[] Priorities = Enum.GetValues<DialPriority>().Select(p => (short)p).Order().ToArray();

    /// <summary>A contact's place in dialing order: the next page starts after it.</summary>
    public readonly record struct Key(short Priority, DateTimeOffset NextAttemptAt, long Id)
    {
        public static Key Of(Contact c) => new((short)c.Priority, c.NextAttemptAt!.Value, c.Id); // due: never null
    }

    /// <summary>How many to lock for <paramref name="wanted"/> more: a few over, for the ones the permit
    /// refuses.</summary>
    public static int PageFor(int wanted) => wanted + wanted / 4 + 2;

    /// <summary>Up to <paramref name="page"/> due contacts after <paramref name="after"/> (from the first when
    /// null), locked in this transaction, tracked, in dialing order.</summary>
    public static async Task<List<Contact>> LockAsync(DialerDb db, Guid campaignId, DateTimeOffset now, int page,
        Key? after, CancellationToken ct)
    {
        // from the first: every priority is after (-1, …)
        var (p, at, id) = after ?? new Key(-1, now, 0);
        var rows = await db.Contacts.FromSql($"""
            SELECT c.* FROM unnest({Priorities}) AS q(priority)
            CROSS JOIN LATERAL (
              SELECT * FROM contacts x
              WHERE x.campaign_id = {campaignId} AND x.status = 'Pending' AND x.priority = q.priority
                AND x.next_attempt_at <= {now} AND (x.held_until IS NULL OR x.held_until <= {now})
                AND (x.priority, x.next_attempt_at, x.id) > ({p}, {at}, {id})
              ORDER BY x.next_attempt_at, x.id
              LIMIT {page}
              FOR UPDATE SKIP LOCKED) c
            LIMIT {page}
            """).ToListAsync(ct);
        // the priorities are read in turn, so this is their order already; sorted here so it never depends on a plan
        return [.. rows.OrderBy(c => c.Priority).ThenBy(c => c.NextAttemptAt).ThenBy(c => c.Id)];
    }
}
