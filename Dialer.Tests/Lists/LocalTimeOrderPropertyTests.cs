using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Core.Lists;
using Dialer.Core.Lists.LocalTime;

namespace Dialer.Tests.Lists;

/// <summary>The local-time order's pure parts on generated cases: the zone slots, the ranges the claim reads, and the
/// slots' order against a minute-by-minute reading of the calling hours, DST change days included.</summary>
public sealed class LocalTimeOrderPropertyTests
{
    public static readonly string[] Zones =
    [
        "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles",
        "America/Anchorage", "Pacific/Honolulu", "Europe/London", "Europe/Madrid", "Australia/Sydney", "Asia/Tokyo",
        "America/Santiago", "Asia/Kolkata", "", "Not/AZone",
    ];

    /// <summary>Days a zone's clock changes (US, EU, Sydney, Santiago) and others.</summary>
    public static readonly DateOnly[] Days =
    [
        new(2026, 3, 8), new(2026, 11, 1), new(2026, 3, 29), new(2026, 10, 25), new(2026, 4, 5), new(2026, 10, 4),
        new(2026, 4, 4), new(2026, 9, 5), new(2026, 6, 17), new(2026, 12, 25), new(2027, 1, 9),
    ];

    public static readonly CallingWindow[] Windows =
    [
        new(), new() { Days = Enum.GetValues<DayOfWeek>() },
        new()
        {
            Start = new(9, 30), End = new(17, 45), Days = Enum.GetValues<DayOfWeek>(), Holidays = [new(2026, 12, 25)],
        },
    ];

    public static DateTimeOffset Instant(Random random) =>
        new DateTimeOffset(Days[random.Next(Days.Length)].ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            .AddMinutes(random.Next(-12 * 60, 36 * 60)).AddSeconds(random.Next(60));

    /// <summary>The oracle: minute by minute from now, the first moment the zone is closed; null when closed within
    /// the ring.</summary>
    public static DateTimeOffset? ClosesAt(CallingWindow window, string zone, DateTimeOffset now, TimeSpan ring)
    {
        if (!CallingHours.IsOpenThrough(window, [zone], now, ring)) return null;
        var t = now;
        while (CallingHours.IsOpen(window, [zone], t)) t = t.AddMinutes(1);
        return t;
    }

    [Fact]
    public void Open_slots_come_first_closing_soonest_first_then_closed_ones_on_generated_instants()
    {
        var random = new Random(17);
        var ring = DialLead.Default.AtClaim;
        for (var run = 0; run < 400; run++)
        {
            var window = Windows[random.Next(Windows.Length)];
            var now = Instant(random);
            var zones = Zones.OrderBy(_ => random.Next()).Take(random.Next(1, Zones.Length + 1)).ToArray();
            var slots = ZoneSlots.Assign(new Dictionary<string, short>(), zones, now);
            var order = ZoneWindows.Order(slots, window, now, ring);

            Assert.Equal(slots.Values.Order(), order.Order());
            var closes = order.Select(s => ClosesAt(window, slots.Single(z => z.Value == s).Key, now, ring)).ToList();
            foreach (var (zone, slot) in slots)
                Assert.Equal(ClosesAt(window, zone, now, ring), ZoneWindows.ClosesAt(window, zone, now, ring));
            var open = closes.TakeWhile(c => c is not null).ToList();
            Assert.All(closes.Skip(open.Count), c => Assert.Null(c)); // closed ones last
            Assert.Equal(open.Order(), open); // soonest closing first
        }
    }

    [Fact]
    public void Zones_keep_their_slots_and_never_take_more_than_32_on_generated_batches()
    {
        var random = new Random(32);
        var all = TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id)
            .Concat(["", "Not/AZone"]).ToArray();
        for (var run = 0; run < 100; run++)
        {
            var slots = new Dictionary<string, short>();
            for (var batch = 0; batch < random.Next(1, 6); batch++)
            {
                var zones = Enumerable.Range(0, random.Next(1, 30)).Select(_ => all[random.Next(all.Length)]).ToList();
                var added = ZoneSlots.Assign(slots, zones, Instant(random));
                Assert.Empty(added.Keys.Intersect(slots.Keys)); // the existing keep theirs
                Assert.Equal(zones.Distinct().Except(slots.Keys).Order(), added.Keys.Order());
                foreach (var (zone, slot) in added) slots[zone] = slot;

                var used = slots.Values.Distinct().Order().ToList();
                Assert.InRange(used.Count, 1, ZoneSlots.Count);
                Assert.Equal(Enumerable.Range(0, used.Count).Select(i => (short)i), used); // from 0 up, no gap
                if (slots.Count <= ZoneSlots.Count) Assert.Equal(slots.Count, used.Count); // one each while they fit
            }
        }
    }

    [Fact]
    public void The_ranges_tile_every_priority_and_put_each_slot_where_the_order_says_on_generated_cases()
    {
        var random = new Random(5);
        for (var run = 0; run < 300; run++)
        {
            var now = Instant(random);
            var minutes = Enumerable.Range(0, random.Next(0, 5))
                .Select(_ => random.Next(0, CampaignList.MaxPriority + 1)).Append(FreshOrder.DirectMinute).ToList();
            var used = random.Next(0, ZoneSlots.Count + 1);
            var order = Enumerable.Range(0, used).Select(i => (short)i).OrderBy(_ => random.Next()).ToArray();
            var ranges = DueRanges.For(minutes, order, now);

            foreach (var priority in Enum.GetValues<DialPriority>()) // no gap and no overlap up to now
            {
                var mine = ranges.Ranges.Where(r => r.Priority == priority).OrderBy(r => r.From).ToList();
                Assert.True(mine[0].From <= new DateTimeOffset(1999, 1, 1, 0, 0, 0, TimeSpan.Zero));
                for (var i = 1; i < mine.Count; i++) Assert.Equal(mine[i - 1].Before, mine[i].From);
                Assert.True(mine[^1].Before > now);
            }
            Assert.Equal([DialPriority.Callback, DialPriority.Retry], ranges.Ranges.Take(2).Select(r => r.Priority));

            // generated fresh contacts land in their minute's range of their slot, in the order's place
            var contacts = Enumerable.Range(0, 50).Select(i =>
            {
                var minute = minutes[random.Next(minutes.Count)];
                var slot = used == 0 ? 0 : random.Next(used);
                var at = CampaignList.FreshDueAt(minute).AddTicks(10 * (slot * ZoneSlots.Micros
                    + random.NextInt64(ZoneSlots.Micros)));
                return (Minute: minute, Slot: slot, Contact: new Contact
                { Id = i + 1, Priority = DialPriority.Fresh, NextAttemptAt = at });
            }).ToList();
            var sorted = contacts.OrderBy(c => ranges.KeyOf(c.Contact).Range).ToList();
            for (var i = 1; i < sorted.Count; i++)
            {
                var (a, b) = (sorted[i - 1], sorted[i]);
                Assert.True(a.Minute <= b.Minute);
                if (a.Minute == b.Minute && used > 0)
                    Assert.True(Array.IndexOf(order, (short)a.Slot) <= Array.IndexOf(order, (short)b.Slot));
            }
            var late = new Contact { Priority = DialPriority.Fresh, NextAttemptAt = now.AddMinutes(-3) };
            Assert.Equal(ranges.Ranges.Count - 1, ranges.RangeOf(late)); // a real due time: after the list clock
        }
    }
}
