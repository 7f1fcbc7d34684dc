using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dialer.Core.Lists.LocalTime;

/// <summary>
/// A campaign's zones mapped to at most <see cref="Count"/> slots of a list's minute (<see cref="ZoneSlot"/>): a new
/// zone takes the next free slot; once all are taken it shares the slot of the zone whose UTC offset is nearest
/// (its calling window opens and closes nearest), so the claim's order stays close for it.
/// </summary>
public static class ZoneSlots
{
    public const int Count = 32;

    /// <summary>A slot's share of the minute, in microseconds (PostgreSQL's resolution).</summary>
    public const long Micros = 60_000_000 / Count;

    /// <summary>Slots for the zones not yet in <paramref name="existing"/>; the existing keep theirs.</summary>
    /// <param name="at">the instant whose UTC offsets compare zones once every slot is taken</param>
    public static Dictionary<string, short> Assign(IReadOnlyDictionary<string, short> existing,
        IEnumerable<string> zones, DateTimeOffset at)
    {
        var all = new Dictionary<string, short>(existing);
        var added = new Dictionary<string, short>();
        foreach (var zone in zones.Distinct().Order(StringComparer.Ordinal))
        {
            if (all.ContainsKey(zone)) continue;
            var used = all.Values.Distinct().Count();
            var slot = used < Count ? (short)used : Nearest(all, zone, at);
            all[zone] = added[zone] = slot;
        }
        return added;
    }

    static short Nearest(Dictionary<string, short> all, string zone, DateTimeOffset at)
    {
        if (OffsetAt(zone, at) is not { } offset) return Count - 1; // no zone, or an unknown one: never open
        return all.Where(z => OffsetAt(z.Key, at) is not null)
            .OrderBy(z => Math.Abs((OffsetAt(z.Key, at)!.Value - offset).Ticks))
            .ThenBy(z => z.Value).Select(z => z.Value).DefaultIfEmpty((short)(Count - 1)).First();
    }

    static TimeSpan? OffsetAt(string zone, DateTimeOffset at) =>
        zone.Length > 0 && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var info) ? info.GetUtcOffset(at) : null;

    public static async Task<Dictionary<string, short>> OfAsync(DialerDb db, Guid campaignId, CancellationToken ct) =>
        await db.Set<ZoneSlot>().AsNoTracking().Where(s => s.CampaignId == campaignId)
            .ToDictionaryAsync(s => s.Zone, s => s.Slot, ct);

    /// <summary>Gives a slot to each zone of <paramref name="zones"/> the campaign has none for, in the caller's
    /// transaction; one given by a concurrent transaction first is kept.</summary>
    public static async Task AddAsync(DialerDb db, Guid campaignId, IEnumerable<string> zones, DateTimeOffset at,
        CancellationToken ct)
    {
        var added = Assign(await OfAsync(db, campaignId, ct), zones, at);
        if (added.Count == 0) return;
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO campaign_zone_slots (campaign_id, zone, slot)
            SELECT @campaign, z, s FROM unnest(@zones, @slots) AS u(z, s)
            ON CONFLICT DO NOTHING
            """,
        [
            new NpgsqlParameter("campaign", campaignId), new NpgsqlParameter("zones", added.Keys.ToArray()),
            new NpgsqlParameter("slots", added.Values.ToArray()),
        ], ct);
    }
}
