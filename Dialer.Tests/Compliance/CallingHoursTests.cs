using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dialer.Tests.Compliance;

public sealed class CallingHoursTests
{
    static readonly string[] Zones =
        ["America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles",
            "Pacific/Honolulu",
         "Europe/London", "Europe/Berlin", "Asia/Kolkata", "Australia/Adelaide", "Asia/Kathmandu", "Pacific/Chatham"];

    static readonly CallingWindow EveryDay = new() { Days = Enum.GetValues<DayOfWeek>() };

    static Arbitrary<DateTimeOffset> Instants() =>
        Gen.Choose(0, 2 * 366 * 24 * 60)
            .Select(m => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(m)).ToArbitrary();

    static Arbitrary<string[]> ZoneSets() =>
        Gen.SubListOf(Zones).Where(z => z.Count > 0).Select(z => z.ToArray()).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Open_means_inside_the_lawful_window_in_every_zone_the_contact_may_be_in() =>
        Prop.ForAll(Instants(), ZoneSets(), (now, zones) =>
        {
            var open = CallingHours.IsOpen(EveryDay, zones, now);
            var everyZoneLawful = zones.All(z =>
            {
                var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(z));
                return local.Hour >= 8 && local.Hour < 21;
            });
            return open == everyZoneLawful;
        });

    [Property(MaxTest = 300)]
    public Property A_narrowed_window_days_and_holidays_are_respected() =>
        Prop.ForAll(Instants(), Gen.Elements(Zones).ToArbitrary(), Gen.Choose(8, 20).ToArbitrary(),
            (now, zone, startHour) =>
        {
            var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(zone));
            var window = new CallingWindow
            {
                Start = new TimeOnly(startHour, 0), End = new TimeOnly(21, 0),
                Days = [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday],
                Holidays = [DateOnly.FromDateTime(local.DateTime).AddDays(1)],
            };
            var expected = local.Hour >= startHour && local.Hour < 21 && window.Days.Contains(local.DayOfWeek);
            return CallingHours.IsOpen(window, [zone], now) == expected;
        });

    [Fact]
    public void A_contact_with_no_known_zone_is_never_callable()
    {
        Assert.False(CallingHours.IsOpen(EveryDay, [], DateTimeOffset.UtcNow));
        Assert.Null(CallingHours.NextOpening(EveryDay, [], DateTimeOffset.UtcNow));
    }

    [Theory]
    // New York springs forward on 8 March 2026 (02:00 -> 03:00) and falls back on 1 November 2026
    [InlineData("2026-03-08T11:59:00Z", false)] // 07:59 EDT
    [InlineData("2026-03-08T12:00:00Z", true)]  // 08:00 EDT
    [InlineData("2026-03-07T12:59:00Z", false)] // 07:59 EST, the day before
    [InlineData("2026-03-07T13:00:00Z", true)]  // 08:00 EST
    [InlineData("2026-11-01T12:59:00Z", false)] // 07:59 EST after the fall back
    [InlineData("2026-11-01T13:00:00Z", true)]  // 08:00 EST
    [InlineData("2026-11-01T01:59:00Z", false)] // 21:59 EDT the evening before
    [InlineData("2026-11-02T01:59:00Z", true)]  // 20:59 EST
    [InlineData("2026-11-02T02:00:00Z", false)] // 21:00 EST
    public void The_window_follows_daylight_saving_changes(string utc, bool open) =>
        Assert.Equal(open, CallingHours.IsOpen(EveryDay, ["America/New_York"], DateTimeOffset.Parse(utc)));

    [Fact]
    public void A_number_spanning_zones_waits_for_the_latest_morning_and_stops_at_the_earliest_evening()
    {
        string[] both = ["America/New_York", "America/Los_Angeles"];
        // 10:00 ET, 07:00 PT
        Assert.False(CallingHours.IsOpen(EveryDay, both, DateTimeOffset.Parse("2026-06-10T14:00:00Z")));
        // 11:00 ET, 08:00 PT
        Assert.True(CallingHours.IsOpen(EveryDay, both, DateTimeOffset.Parse("2026-06-10T15:00:00Z")));
        // 21:00 ET, 18:00 PT
        Assert.False(CallingHours.IsOpen(EveryDay, both, DateTimeOffset.Parse("2026-06-11T01:00:00Z")));
        Assert.Equal(DateTimeOffset.Parse("2026-06-10T15:00:00Z"),
            CallingHours.NextOpening(EveryDay, both, DateTimeOffset.Parse("2026-06-10T14:00:00Z")));
    }
}
