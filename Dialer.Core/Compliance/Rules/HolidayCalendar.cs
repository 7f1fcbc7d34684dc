using System.Collections.Concurrent;
using System.Collections.Frozen;
using PublicHoliday;

namespace Dialer.Core.Compliance.Rules;

/// <summary>
/// A country's public holidays, computed by the PublicHoliday package (fixed dates, Easter and "n-th weekday of"
/// rules, observed days) and kept per year once asked. National holidays only: regional ones are a campaign's own.
/// </summary>
public sealed class HolidayCalendar
{
    static readonly ConcurrentDictionary<string, HolidayCalendar> ByCode = new(StringComparer.OrdinalIgnoreCase);
    readonly ConcurrentDictionary<int, FrozenSet<DateOnly>> _years = new();
    readonly Func<int, IEnumerable<DateTime>> _compute;

    HolidayCalendar(string code, Func<int, IEnumerable<DateTime>> compute) => (Code, _compute) = (code, compute);

    public string Code { get; }

    /// <summary>The calendars a rule set may name.</summary>
    public static readonly string[] Known = ["US", "CA", "GB", "ES", "MX"];

    public static HolidayCalendar Of(string code) => ByCode.GetOrAdd(code, c => new HolidayCalendar(c, Source(c)));

    /// <summary>A holiday on this day; the next year's list is asked too, since New Year's Day on a Saturday is
    /// observed on the Friday before (31 December 2027, in 2028's list).</summary>
    public bool Contains(DateOnly day) =>
        Year(day.Year).Contains(day) || day is { Month: 12, Day: 31 } && Year(day.Year + 1).Contains(day);

    /// <summary>The year's holidays as the package lists them (an observed day may fall in the year before).</summary>
    public FrozenSet<DateOnly> Year(int year) =>
        _years.GetOrAdd(year, y => _compute(y).Select(DateOnly.FromDateTime).ToFrozenSet());

    static Func<int, IEnumerable<DateTime>> Source(string code) => code.ToUpperInvariant() switch
    {
        "US" => new USAPublicHoliday().PublicHolidays,
        "CA" => new CanadaPublicHoliday().PublicHolidays,
        "GB" => new UKBankHoliday().PublicHolidays,
        "ES" => new SpainPublicHoliday().PublicHolidays,
        "MX" => new MexicoPublicHoliday().PublicHolidays,
        _ => throw new ArgumentException(
            $"No holiday calendar '{code}' (known: {string.Join(", ", Known)}).", nameof(code)),
    };
}
