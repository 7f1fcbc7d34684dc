using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Contacts;

namespace Dialer.Bench.TwoLists;

/// <summary>
/// A block of valid numbers: <see cref="Prefix"/> followed by <see cref="Start"/> + i, one zone set and one set of
/// rules for the whole block (an area code, a city).
/// </summary>
public sealed record NumberRange(string Prefix, long Start, string[] Zones, int? PersonCap)
{
    public string Number(long i) => Prefix + (Start + i);

    /// <summary>Around the world, so that at any hour several are inside their calling hours.</summary>
    static readonly (string Prefix, long Start)[] Candidates =
    [
        ("+1305", 2_000_000), ("+1405", 2_000_000), ("+1410", 2_000_000), ("+1212", 2_000_000),
        ("+1213", 2_000_000), ("+1808", 2_000_000), ("+1416", 2_000_000), ("+3491", 2_000_000),
        ("+44207", 1_000_000), ("+4930", 20_000_000), ("+5255", 50_000_000), ("+5511", 30_000_000),
        ("+9111", 20_000_000), ("+65", 61_000_000), ("+813", 30_000_000), ("+612", 90_000_000),
        ("+649", 3_000_000),
    ];

    /// <summary>
    /// The candidate blocks whose numbers are valid and whose every zone stays inside the campaign's window and its
    /// jurisdictions' calling hours for <paramref name="open"/> from <paramref name="now"/>, and whose rules ask no
    /// prior consent (the bench's contacts hold none): the contacts of a run are all lawful to call while it lasts,
    /// so every one of them should be claimed. (Spain's block needs consent: on a weekday, when its hours are open,
    /// its contacts were rightly refused.)
    /// </summary>
    public static List<NumberRange> OpenFor(CampaignSettings settings, DateTimeOffset now, TimeSpan open,
        long perRange)
    {
        var ranges = new List<NumberRange>();
        foreach (var (prefix, start) in Candidates)
        {
            var first = prefix + start;
            var last = prefix + (start + perRange - 1);
            if (!Valid(first) || !Valid(last)) continue;
            var zones = ContactZones.Of(Phones.TimeZonesOf(first), null);
            if (!zones.SequenceEqual(ContactZones.Of(Phones.TimeZonesOf(last), null))) continue;
            var contact = new Contact { Phone = first, TimeZones = zones };
            var rules = DialPermit.RulesFor(settings, contact);
            if (ConsentRequirement.For(settings, rules) is not null) continue;
            if (zones.Length == 0 || CallingHours.ClosedThrough(settings.CallingWindow, zones, rules, now, open)
                is not null)
                continue;
            ranges.Add(new NumberRange(prefix, start, zones, rules.PersonCap?.Calls));
        }
        return ranges;
    }

    static bool Valid(string number) =>
        Phones.TryNormalize(number, "US", out var e164, out _) && e164 == number;
}
