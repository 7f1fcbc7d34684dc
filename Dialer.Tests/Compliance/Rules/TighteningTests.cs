using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Compliance.Rules;
using Dialer.Core.Contacts;

namespace Dialer.Tests.Compliance.Rules;

/// <summary>A campaign may tighten a jurisdiction's rules, never loosen them.</summary>
public sealed class TighteningTests
{
    static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    static CampaignSettings With(params Tightening[] tightenings) => new()
    {
        Name = "Tight", CallerId = "+14155550100", Tightenings = tightenings,
        CallingWindow = new CallingWindow { Days = Enum.GetValues<DayOfWeek>() },
    };

    static string[] Errors(CampaignSettings s) =>
        CampaignSettingsValidator.Validate(s).GetValueOrDefault("tightenings[0]") ?? [];

    [Fact]
    public void Narrower_hours_fewer_calls_and_a_longer_lockout_are_accepted()
    {
        Assert.Empty(Errors(With(new Tightening
        {
            Jurisdiction = "ES", Hours = [new HoursWindow(Weekdays, "10:00", "14:00")], ClosedOnHolidays = true,
        })));
        Assert.Empty(Errors(With(new Tightening { Jurisdiction = "US-FL", CallsPer24Hours = 2 })));
        Assert.Empty(Errors(With(new Tightening { Jurisdiction = "GB", AbandonedLockoutHours = 96 })));
    }

    [Theory]
    [InlineData("ES", "08:00", "14:00", DayOfWeek.Monday, "wider than ES Mon-Fri 09:00-21:00")]
    [InlineData("ES", "10:00", "14:00", DayOfWeek.Saturday, "ES Mon-Fri 09:00-21:00 does not call that day")]
    [InlineData("US-TX", "10:00", "20:00", DayOfWeek.Sunday, "wider than US-TX Mon-Sat 09:00-21:00, Sun 12:00-21:00")]
    [InlineData("US-FL", "08:00", "21:00", DayOfWeek.Monday, "wider than US-FL every day 08:00-20:00")]
    [InlineData("GB", "07:00", "12:00", DayOfWeek.Monday, "wider than default every day 08:00-21:00")]
    public void Hours_wider_than_a_shipped_rule_are_refused_naming_it(string code, string start, string end,
        DayOfWeek day, string problem) =>
        Assert.Contains(
            Errors(With(new Tightening { Jurisdiction = code, Hours = [new HoursWindow([day], start, end)] })),
            e => e.Contains(problem));

    [Fact]
    public void More_calls_or_a_shorter_lockout_than_the_law_are_refused()
    {
        Assert.Contains(Errors(With(new Tightening { Jurisdiction = "US-FL", CallsPer24Hours = 4 })),
            e => e.Contains("more than US-FL's 3"));
        Assert.Contains(Errors(With(new Tightening { Jurisdiction = "GB", AbandonedLockoutHours = 24 })),
            e => e.Contains("shorter than GB's 72"));
        Assert.Contains(Errors(With(new Tightening { Jurisdiction = "Spain" })),
            e => e.Contains("not a jurisdiction code"));
    }

    [Fact]
    public void A_campaign_rule_binds_its_jurisdiction_only_and_refusals_name_it()
    {
        var settings = With(
            new Tightening { Jurisdiction = "ES", Hours = [new HoursWindow(Weekdays, "10:00", "14:00")] });
        var campaign = Campaign.Create(settings, DateTimeOffset.UtcNow);
        campaign.Status = CampaignStatus.Running;
        var madrid = new Contact { Phone = "+34915550142", TimeZones = ["Europe/Madrid"] };
        var london = new Contact { Phone = "+442079460958", TimeZones = ["Europe/London"] };
        var wednesdayThreePmMadrid = DateTimeOffset.Parse("2027-03-03T14:00:00Z");

        Assert.Equal("outside-calling-hours: campaign ES Mon-Fri 10:00-14:00",
            DialPermit.ExplainAtClaim(campaign, madrid,
            false, ConsentKinds.All, 0, PersonHistory.None, wednesdayThreePmMadrid, DialLead.Default).ToString());
        Assert.Null(
            DialPermit.AtClaim(campaign, madrid, false, ConsentKinds.All, 0, wednesdayThreePmMadrid.AddHours(-3),
                DialLead.Default));
        Assert.Null(DialPermit.AtClaim(campaign, london, false, ConsentKinds.All, 0, wednesdayThreePmMadrid,
            DialLead.Default));
    }

    [Fact]
    public void A_campaign_cap_binds_below_the_states()
    {
        var campaign = Campaign.Create(With(new Tightening { Jurisdiction = "US", CallsPer24Hours = 1 }),
            DateTimeOffset.UtcNow);
        campaign.Status = CampaignStatus.Running;
        var miami = new Contact { Phone = "+13055550142", TimeZones = ["America/New_York"] };
        var refusal = DialPermit.ExplainAtClaim(campaign, miami, false, ConsentKinds.All, 0, new PersonHistory(1,
            null, false),
            DateTimeOffset.Parse("2027-03-03T15:00:00Z"), DialLead.Default);
        Assert.Equal("person-24-hour-cap: campaign US 1 calls per person in 24 h", refusal.ToString());
    }
}
