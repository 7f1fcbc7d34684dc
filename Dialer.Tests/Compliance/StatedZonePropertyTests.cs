using Dialer.Api.Contacts;
using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Contacts;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dialer.Tests.Compliance;

/// <summary>
/// A time-zone column may narrow a contact's calling window, never widen it: imported through the list's parser, the
/// contact is callable exactly when both its number's zones and the stated zone are open.
/// </summary>
public sealed class StatedZonePropertyTests
{
    // one zone, a state split by a zone line (208 Idaho, 605 South Dakota), Alaska, mobiles spanning a country
    static readonly string[] Numbers =
        ["+14155550123", "+13125550123", "+12125550123", "+12085550123", "+16055550123", "+19075550123", "+18085550123",
         "+17055550123", "+441212345678", "+447400123456", "+61212345678", "+61412345678", "+525512345678",
         "+522001234567", "+79123456789", "+4930123456", "+918123456789", "+243991234567"];

    static readonly string[] StatedZones =
        ["America/Chicago", "America/Los_Angeles", "America/New_York", "America/Boise", "America/Denver",
         "America/North_Dakota/Center", "America/Phoenix", "Pacific/Honolulu", "America/Anchorage", "Europe/London",
         "Europe/Moscow", "Asia/Vladivostok", "Australia/Perth", "Australia/Sydney", "Asia/Kolkata", "Asia/Kathmandu"];

    static Arbitrary<DateTimeOffset> Instants() =>
        Gen.Choose(0, 2 * 366 * 24 * 60)
            .Select(m => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(m)).ToArbitrary();

    static Arbitrary<CallingWindow> Windows() =>
        Gen.Choose(8, 20).SelectMany(start => Gen.Choose(start + 1, 21).Select(end => new CallingWindow
        {
            Start = new TimeOnly(start, 0), End = new TimeOnly(end, 0), Days = Enum.GetValues<DayOfWeek>(),
        })).ToArbitrary();

    static Arbitrary<(string Phone, string Stated)> Rows() =>
        Gen.Elements(Numbers).SelectMany(phone => Gen.Elements(StatedZones).Select(stated => (phone, stated)))
            .ToArbitrary();

    static string[] Imported(string phone, string stated)
    {
        var parser = new ContactRowParser(new ContactColumns(0, null, 1, []), 2, "US");
        return parser.TryParse([phone, stated], 2, out var row, out var reason)
            ? row.TimeZones : throw new InvalidOperationException(reason);
    }

    [Property(MaxTest = 2000)]
    public Property With_a_stated_zone_a_contact_is_callable_only_when_its_number_and_the_zone_both_allow_it() =>
        Prop.ForAll(Rows(), Windows(), Instants(), (row, window, now) =>
            {
                var (phone, stated) = row;
                var campaign = Campaign.Create(new CampaignSettings { CallingWindow = window }, now);
                campaign.Status = CampaignStatus.Running;
                var contact = new Contact { Phone = phone, TimeZones = Imported(phone, stated) };
                var lead = DialLead.Default;
                var permitted = DialPermit.BeforeDial(campaign, contact, onDoNotCall: false, ConsentKinds.All, now,
                    lead) is null;

                // open now and still open when the call could stop ringing, under the rules of the number's place
                var rules = DialPermit.RulesFor(campaign.Settings, contact);
                bool Open(string[] zones) => CallingHours.IsOpenThrough(window, zones, rules, now, lead.AtDial);
                var numberAllows = Open(Phones.TimeZonesOf(phone));
                var zoneAllows = Open([stated]);
                return permitted == (numberAllows && zoneAllows);
            });

    [Property(MaxTest = 500)]
    public Property Every_zone_the_number_may_be_in_and_the_stated_one_are_kept() =>
        Prop.ForAll(Rows(), row =>
            Imported(row.Phone, row.Stated).ToHashSet().SetEquals(Phones.TimeZonesOf(row.Phone).Append(row.Stated)));

    [Property(MaxTest = 200)]
    public Property Without_a_stated_zone_the_number_alone_decides() =>
        Prop.ForAll(Gen.Elements(Numbers).ToArbitrary(), phone =>
            Imported(phone, "").SequenceEqual(Phones.TimeZonesOf(phone)));

    [Fact]
    public void A_stated_zone_inside_a_split_area_code_does_not_drop_the_other_half()
    {
        // 208 is Idaho: Boise (Mountain) and its Pacific north. Stated Boise, 08:00 Mountain is still 07:00 Pacific.
        var zones = Imported("+12085550123", "America/Boise");
        var window = new CallingWindow { Days = Enum.GetValues<DayOfWeek>() };
        Assert.False(CallingHours.IsOpen(window, zones, DateTimeOffset.Parse("2026-06-10T14:00:00Z")));
        Assert.True(CallingHours.IsOpen(window, zones, DateTimeOffset.Parse("2026-06-10T15:00:00Z")));
    }
}
