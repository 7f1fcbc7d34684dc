using Dialer.Core.Compliance.Rules;

namespace Dialer.Tests.Compliance.Rules;

/// <summary>The holidays come from the PublicHoliday package, computed per year: these pin the next two
/// years.</summary>
public sealed class HolidayCalendarTests
{
    public static TheoryData<string, int> CalendarsAndYears()
    {
        var data = new TheoryData<string, int>();
        // several rule sets share a calendar (the US states keep the federal one): each calendar once
        var calendars = RuleBook.Shipped.All.Where(r => r.File.Holidays is not null)
            .Select(r => r.File.Holidays!.Calendar).Distinct();
        foreach (var calendar in calendars)
            foreach (var year in new[] { 2027, 2028 })
                data.Add(calendar, year);
        return data;
    }

    [Theory]
    [MemberData(nameof(CalendarsAndYears))]
    public void Every_shipped_calendar_covers_the_next_two_years(string calendar, int year)
    {
        var days = HolidayCalendar.Of(calendar).Year(year);
        Assert.InRange(days.Count, 5, 20);
        Assert.All(days, d => Assert.True(d.Year == year || d == new DateOnly(year - 1, 12, 31), $"{d}"));
        // New Year's Day, or the weekday it is observed on
        Assert.Contains(days, d => d.Month == 1 && d.Day <= 3 || d.Month == 12 && d.Day == 31);
    }

    [Theory]
    [InlineData("ES", "2027-01-06")] // Epifanía
    [InlineData("ES", "2027-03-26")] // Viernes Santo (Easter 28 March 2027)
    [InlineData("ES", "2028-04-14")] // Viernes Santo (Easter 16 April 2028)
    [InlineData("ES", "2028-10-12")] // Fiesta Nacional
    [InlineData("ES", "2028-12-08")] // Inmaculada Concepción
    [InlineData("US", "2027-07-05")] // Independence Day on a Sunday, observed Monday
    [InlineData("US", "2027-12-31")] // New Year's Day 2028 on a Saturday, observed the Friday before
    [InlineData("US", "2028-11-23")] // Thanksgiving
    [InlineData("CA", "2027-07-01")] // Canada Day
    [InlineData("GB", "2028-08-28")] // summer bank holiday
    [InlineData("MX", "2027-09-16")] // Independence Day
    public void Known_holidays_are_in_their_calendar(string calendar, string day) =>
        Assert.True(HolidayCalendar.Of(calendar).Contains(DateOnly.Parse(day)));

    [Fact]
    public void Spain_closes_on_its_holidays_and_a_plain_weekday_is_open()
    {
        var spain = RuleBook.Shipped.Find("ES")!;
        Assert.True(spain.IsHoliday(new DateTime(2027, 10, 12, 12, 0, 0))); // a Tuesday
        Assert.False(spain.IsHoliday(new DateTime(2027, 10, 13, 12, 0, 0)));
        Assert.Null(RuleBook.Shipped.Find("GB")!.ClosedOn); // listed, not closed
    }
}
