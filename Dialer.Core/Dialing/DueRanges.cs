using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Lists;
using Dialer.Core.Lists.LocalTime;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Dialing;

/// <summary>
/// The claim of a campaign ordered by local time: as <see cref="DueContacts"/> (FOR UPDATE SKIP LOCKED, a page at a
/// time, each range its own stretch of the index), but the fresh contacts are read as several ranges of due time in an
/// order computed here at each claim: inside each list minute of the list clock, the zone slots in
/// <see cref="ZoneWindows"/>' order, then the minute's unused rest. Callbacks and retries first; everything between
/// and after the list minutes (a contact deferred to its opening, one added by hand) last, by due time. The ranges
/// tile each priority up to now, so no due contact is left out.
/// </summary>
public sealed class DueRanges
{
    static readonly DateTimeOffset Floor = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Due from <see cref="From"/> (inclusive) to <see cref="Before"/> (exclusive), up to now.</summary>
    public readonly record struct Range(DialPriority Priority, DateTimeOffset From, DateTimeOffset Before);

    /// <summary>A contact's place: the next page starts after it.</summary>
    public readonly record struct Key(int Range, DateTimeOffset NextAttemptAt, long Id);

    public IReadOnlyList<Range> Ranges { get; }

    public DueRanges(IReadOnlyList<Range> ranges) => Ranges = ranges;

    /// <param name="minutes">the list clock's minutes in use (the attachments' priorities, the campaign's own)</param>
    /// <param name="slots">the zone slots in claim order (<see cref="ZoneWindows.Order"/>)</param>
    public static DueRanges For(IEnumerable<int> minutes, IReadOnlyList<short> slots, DateTimeOffset now)
    {
        var end = now.AddTicks(10); // due up to now, inclusive
        var ranges = new List<Range>
        {
            new(DialPriority.Callback, Floor, end), new(DialPriority.Retry, Floor, end),
        };
        var from = Floor;
        foreach (var minute in minutes.Distinct().Order())
        {
            var start = CampaignList.FreshDueAt(minute);
            if (from < start) ranges.Add(new(DialPriority.Fresh, from, start));
            foreach (var slot in slots)
                ranges.Add(new(DialPriority.Fresh, At(start, slot), At(start, slot + 1)));
            var used = slots.Count == 0 ? 0 : slots.Max() + 1; // slots are given from 0 up
            from = start.AddMinutes(1);
            if (At(start, used) < from) ranges.Add(new(DialPriority.Fresh, At(start, used), from));
        }
        ranges.Add(new(DialPriority.Fresh, from, end));
        return new([.. ranges.Where(r => r.From < r.Before && r.From < end)]);
    }

    static DateTimeOffset At(DateTimeOffset minute, int slot) => minute.AddTicks(10 * slot * ZoneSlots.Micros);

    /// <summary>The ranges for this campaign now: its slots' order and its list minutes, read from two small tables.
    /// </summary>
    public static async Task<DueRanges> ForAsync(DialerDb db, Campaign campaign, DateTimeOffset now,
        TimeSpan ringsFor, CancellationToken ct)
    {
        var slots = await ZoneSlots.OfAsync(db, campaign.Id, ct);
        var minutes = await db.CampaignLists.Where(a => a.CampaignId == campaign.Id).Select(a => a.Priority)
            .ToListAsync(ct);
        var order = ZoneWindows.Order(slots, campaign.Settings.CallingWindow, now, ringsFor);
        return For([.. minutes, FreshOrder.DirectMinute], order, now);
    }

    /// <summary>The range holding a contact (they tile what is due, so there is one).</summary>
    public int RangeOf(Contact c)
    {
        for (var i = 0; i < Ranges.Count; i++)
        {
            var r = Ranges[i];
            if (r.Priority == c.Priority && r.From <= c.NextAttemptAt && c.NextAttemptAt < r.Before) return i;
        }
        return Ranges.Count;
    }

    public Key KeyOf(Contact c) => new(RangeOf(c), c.NextAttemptAt!.Value, c.Id);

    /// <summary>Up to <paramref name="page"/> due contacts after <paramref name="after"/> (from the first when null),
    /// locked in this transaction, tracked, in the ranges' order.</summary>
    public async Task<List<Contact>> LockAsync(DialerDb db, Guid campaignId, DateTimeOffset now, int page, Key? after,
        CancellationToken ct)
    {
        var first = after?.Range ?? 0;
        var rest = Ranges.Skip(first).ToArray();
        if (rest.Length == 0) return [];
        var priorities = rest.Select(r => (short)r.Priority).ToArray();
        var before = rest.Select(r => r.Before).ToArray();
        // a range's first row is after (from, 0): ids start at 1; the range paged into starts after the key
        var afterAt = rest.Select((r, i) => i == 0 && after is { } k ? k.NextAttemptAt : r.From).ToArray();
        var afterId = rest.Select((r, i) => i == 0 && after is { } k ? k.Id : 0L).ToArray();
        var rows = await db.Contacts.FromSql($"""
            SELECT c.* FROM unnest({priorities}, {afterAt}, {afterId}, {before})
              AS q(priority, after_at, after_id, before)
            CROSS JOIN LATERAL (
              SELECT * FROM contacts x
              WHERE x.campaign_id = {campaignId} AND x.status = 'Pending' AND x.priority = q.priority
                AND x.next_attempt_at <= {now} AND x.next_attempt_at < q.before
                AND (x.held_until IS NULL OR x.held_until <= {now})
                AND (x.next_attempt_at, x.id) > (q.after_at, q.after_id)
              ORDER BY x.next_attempt_at, x.id
              LIMIT {page}
              FOR UPDATE SKIP LOCKED) c
            LIMIT {page}
            """).ToListAsync(ct);
        // read in the ranges' order already; sorted here so it never depends on a plan
        return [.. rows.Select(c => (Key: KeyOf(c), Contact: c)).OrderBy(r => r.Key.Range)
            .ThenBy(r => r.Key.NextAttemptAt).ThenBy(r => r.Key.Id).Select(r => r.Contact)];
    }
}
