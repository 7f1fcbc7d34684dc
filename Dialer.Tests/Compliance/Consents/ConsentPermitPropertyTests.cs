using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Compliance.Rules;
using Dialer.Core.Contacts;
using Dialer.Core.Pacing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dialer.Tests.Compliance.Consents;

/// <summary>
/// Never a dial without consent where one is required: generated contacts in every shipped jurisdiction (by number and
/// by stated place), campaigns with agents or agentless, with and without requiresConsent, holding any set of
/// consents, at any instant. The judge reads the rule files itself.
/// </summary>
public sealed class ConsentPermitPropertyTests
{
    static readonly (string Phone, string[] Jurisdictions, string Zone)[] Places =
    [
        ("+14155550142", ["US", "US-CA"], "America/Los_Angeles"),
        ("+13055550142", ["US", "US-FL"], "America/New_York"),
        ("+14165550142", ["CA", "CA-ON"], "America/Toronto"),
        ("+442079460958", ["GB"], "Europe/London"),
        ("+34915550142", ["ES"], "Europe/Madrid"),
        ("+34928550142", ["ES"], "Atlantic/Canary"),
        ("+525555550142", ["MX"], "America/Mexico_City"),
    ];

    static readonly string?[] Stated = [null, null, "ES", "US-FL", "GB", "MX", "CA"];

    public sealed record Case(Campaign Campaign, Contact Contact, string[] Jurisdictions, ConsentKinds Held,
        DateTimeOffset Now)
    {
        public override string ToString() =>
            $"{Contact.Phone} stated {Contact.StatedJurisdiction ?? "-"} {Campaign.Settings.Mode} requires "
            + $"{Campaign.Settings.RequiresConsent} held {Held} at {Now:O}";
    }

    static Arbitrary<Case> Cases() =>
        (from place in Gen.Elements(Places)
         from stated in Gen.Elements(Stated)
         from mode in Gen.Elements(DialingMode.Progressive, DialingMode.Predictive, DialingMode.Agentless)
         from requires in Gen.Elements(true, false)
         from held in Gen.Choose(0, 3).Select(k => (ConsentKinds)k)
         from minutes in Gen.Choose(0, 2 * 366 * 24 * 60)
         select Make(place, stated, mode, requires, held,
             new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(minutes))).ToArbitrary();

    static Case Make((string Phone, string[] Jurisdictions, string Zone) place, string? stated, DialingMode mode,
        bool requires, ConsentKinds held, DateTimeOffset now)
    {
        var settings = new CampaignSettings
        {
            Mode = mode, RequiresConsent = requires, MaxAttempts = 10,
            CallingWindow = new CallingWindow { Days = Enum.GetValues<DayOfWeek>() },
        };
        var campaign = Campaign.Create(settings, now);
        campaign.Status = CampaignStatus.Running;
        var contact = new Contact { Phone = place.Phone, TimeZones = [place.Zone], StatedJurisdiction = stated };
        string[] codes = [.. place.Jurisdictions, .. stated is null ? Array.Empty<string>() : [stated]];
        return new Case(campaign, contact, codes, held, now);
    }

    /// <summary>The judge: the kind a call of this campaign is, and whether the campaign or any rule file that binds
    /// the contact asks consent for it.</summary>
    static (bool Required, ConsentKinds Kind) Needs(Case c)
    {
        var agentless = c.Campaign.Settings.Mode == DialingMode.Agentless;
        var kind = agentless ? ConsentKinds.Prerecorded : ConsentKinds.MarketingCalls;
        var files = c.Jurisdictions.SelectMany(j => new[] { j.Split('-')[0], j }).Append(RuleBook.Default)
            .Distinct().Select(RuleBook.Shipped.Find).OfType<JurisdictionRules>().Select(r => r.File.Consent?.Required);
        var required = c.Campaign.Settings.RequiresConsent
            || files.Any(r => r == ConsentScope.All || (agentless && r == ConsentScope.Prerecorded));
        return (required, kind);
    }

    [Property(MaxTest = 3000)]
    public Property No_dial_is_permitted_without_the_consent_a_rule_or_the_campaign_requires() =>
        Prop.ForAll(Cases(), c =>
        {
            var (required, kind) = Needs(c);
            var atDial = DialPermit.BeforeDial(c.Campaign, c.Contact, false, c.Held, c.Now, DialLead.Default);
            var atClaim = DialPermit.AtClaim(c.Campaign, c.Contact, false, c.Held, 0, c.Now, DialLead.Default);
            var lacking = required && (c.Held & kind) == 0;
            // refused for want of consent exactly when it is lacking; and a permitted dial never lacks it
            return (atDial == DialPermit.NoConsent) == lacking && (atClaim == DialPermit.NoConsent) == lacking
                && (atDial is not null || !lacking) && (atClaim is not null || !lacking);
        });

    [Property(MaxTest = 1000)]
    public Property Holding_every_consent_never_changes_what_the_other_rules_decide() =>
        Prop.ForAll(Cases(), c =>
        {
            var free = Campaign.Create(c.Campaign.Settings with { RequiresConsent = false }, c.Now);
            free.Status = CampaignStatus.Running;
            return DialPermit.BeforeDial(c.Campaign, c.Contact, false, ConsentKinds.All, c.Now, DialLead.Default)
                == DialPermit.BeforeDial(free, c.Contact, false, ConsentKinds.All, c.Now, DialLead.Default);
        });

    [Theory]
    [InlineData("+34915550142", null, false, "no-consent: ES prior consent for every call (marketing-calls)")]
    [InlineData("+14155550142", null, true, "no-consent: US prior consent for prerecorded calls (prerecorded)")]
    [InlineData("+525555550142", "ES", false, "no-consent: ES prior consent for every call (marketing-calls)")]
    public void A_refusal_names_the_rule_that_asks_for_consent(string phone, string? stated, bool agentless,
        string expected)
    {
        var place = Places.First(p => p.Phone == phone);
        var c = Make(place, stated, agentless ? DialingMode.Agentless : DialingMode.Progressive, false,
            ConsentKinds.None, DateTimeOffset.Parse("2027-03-03T15:00:00Z"));
        Assert.Equal(expected, DialPermit.ExplainAtClaim(c.Campaign, c.Contact, false, c.Held, 0, PersonHistory.None,
            c.Now, DialLead.Default).ToString());
    }

    [Fact]
    public void A_campaign_that_requires_consent_names_itself_where_no_law_does()
    {
        var c = Make(Places[0], null, DialingMode.Progressive, true, ConsentKinds.Prerecorded,
            DateTimeOffset.Parse("2027-03-03T20:00:00Z"));
        Assert.Equal("no-consent: campaign requiresConsent (marketing-calls)", DialPermit.ExplainAtClaim(c.Campaign,
            c.Contact, false, c.Held, 0, PersonHistory.None, c.Now, DialLead.Default).ToString());
    }

    [Fact]
    public void A_contact_refused_for_want_of_consent_is_set_aside_and_a_recorded_consent_brings_it_back()
    {
        var now = DateTimeOffset.Parse("2027-03-03T15:00:00Z");
        var contact = new Contact { Phone = "+34915550142", Status = ContactStatus.Pending };
        contact.Defer(new CampaignSettings(), DialPermit.NoConsent, now, DialLead.Default);
        Assert.Equal((ContactStatus.Done, DialPermit.NoConsent), (contact.Status, contact.LastOutcome));

        contact.ConsentRecorded(now.AddHours(1));
        Assert.Equal((ContactStatus.Pending, null, now.AddHours(1)),
            (contact.Status, contact.LastOutcome, contact.NextAttemptAt));
    }
}
