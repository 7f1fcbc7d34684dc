using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Compliance.Registries;
using Dialer.Core.Compliance.Rules;
using Dialer.Core.Contacts;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dialer.Tests.Compliance.Registries;

/// <summary>
/// Never a dial to a number on a national registry copy that binds the contact, nor under a copy older than its
/// jurisdiction allows: generated contacts in every shipped jurisdiction (by number and by stated place), sets of
/// copies of any jurisdiction and age, holding the number or not, at any instant. The judge reads each jurisdiction's
/// allowed age from its rule file and counts the days itself.
/// </summary>
public sealed class RegistryPermitPropertyTests
{
    static readonly (string Phone, string[] Jurisdictions, string Zone)[] Places =
    [
        ("+14155550142", ["US", "US-CA"], "America/Los_Angeles"),
        ("+13055550142", ["US", "US-FL"], "America/New_York"),
        ("+14165550142", ["CA", "CA-ON"], "America/Toronto"),
        ("+442079460958", ["GB"], "Europe/London"),
        ("+34915550142", ["ES"], "Europe/Madrid"),
        ("+525555550142", ["MX"], "America/Mexico_City"),
        ("+12145550142", ["US", "US-TX"], "America/Chicago"),
        ("+13175550142", ["US", "US-IN"], "America/Indiana/Indianapolis"),
    ];

    static readonly string?[] Stated = [null, null, "ES", "US-FL", "GB", "MX", "CA", "US-TX", "US-IN", "US-NY"];
    /// <summary>Countries, and states and provinces: with a registry rule of their own (FL, TX, IN), without one (the
    /// country's binds: CA, NY, ON), of no contact (WA).</summary>
    static readonly string[] Jurisdictions =
        ["US", "CA", "GB", "ES", "MX", "FR", "US-FL", "US-TX", "US-IN", "US-CA", "US-NY", "US-WA", "CA-ON"];
    static readonly string[] Names = ["Lista Robinson", "National DNC", "TPS"];

    public sealed record Copy(RegistryList List, bool Listed);

    public sealed record Case(Campaign Campaign, Contact Contact, string[] Jurisdictions, Copy[] Copies,
        DateTimeOffset Now)
    {
        public override string ToString() =>
            $"{Contact.Phone} stated {Contact.StatedJurisdiction ?? "-"} at {Now:O} copies " + string.Join("; ",
                Copies.Select(c => $"{c.List.Name}/{c.List.Jurisdiction} {c.List.DownloadedOn} listed {c.Listed}"));
    }

    static readonly DateTimeOffset Start = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    static Gen<Copy> CopyGen(DateTimeOffset now) =>
        from jurisdiction in Gen.Elements(Jurisdictions)
        from name in Gen.Elements(Names)
        from age in Gen.OneOf(Gen.Choose(-1, 45), Gen.Choose(85, 100))
        from listed in Gen.Elements(true, false)
        select new Copy(new RegistryList
        {
            Id = Guid.NewGuid(), Name = name, Jurisdiction = jurisdiction, Active = true,
            DownloadedOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-age),
        }, listed);

    static Arbitrary<Case> Cases() =>
        (from place in Gen.Elements(Places)
         from stated in Gen.Elements(Stated)
         from minutes in Gen.Choose(0, 2 * 366 * 24 * 60)
         let now = Start.AddMinutes(minutes)
         from count in Gen.Choose(0, 4)
         from copies in Gen.ArrayOf(CopyGen(now), count)
         select Make(place, stated, copies, now)).ToArbitrary();

    static Case Make((string Phone, string[] Jurisdictions, string Zone) place, string? stated, Copy[] copies,
        DateTimeOffset now)
    {
        var settings = new CampaignSettings
        {
            MaxAttempts = 10, CallingWindow = new CallingWindow { Days = Enum.GetValues<DayOfWeek>() },
        };
        var campaign = Campaign.Create(settings, now);
        campaign.Status = CampaignStatus.Running;
        var contact = new Contact { Phone = place.Phone, TimeZones = [place.Zone], StatedJurisdiction = stated };
        string[] codes = [.. place.Jurisdictions, .. stated is null ? Array.Empty<string>() : [stated]];
        return new Case(campaign, contact, codes, copies, now);
    }

    /// <summary>The judge: the copies whose country, or state or province, is one the contact is in (by number or
    /// list); those holding the number; those whose registry (same name and jurisdiction) has no copy young enough,
    /// by the jurisdiction's own rule file or else its country's.</summary>
    static (Copy[] Listing, Copy[] Stale) Judge(Case c)
    {
        var places = c.Jurisdictions.Concat(c.Jurisdictions.Select(j => j.Split('-')[0])).ToHashSet();
        var binding = c.Copies.Where(k => places.Contains(k.List.Jurisdiction)).ToArray();
        var today = c.Now.UtcDateTime.Date;
        RegistryRule? Rule(string code) => RuleBook.Shipped.Find(code)?.File.Registry
            ?? (code.Contains('-') ? RuleBook.Shipped.Find(code.Split('-')[0])?.File.Registry : null);
        bool Old(RegistryList l) => Rule(l.Jurisdiction) is { } rule
            && (today - l.DownloadedOn.ToDateTime(TimeOnly.MinValue)).TotalDays > rule.MaxAgeDays;
        var stale = binding.Where(k => c.Copies.Where(o => o.List.Jurisdiction == k.List.Jurisdiction
            && o.List.Name == k.List.Name).All(o => Old(o.List))).ToArray();
        return (binding.Where(k => k.Listed).ToArray(), stale);
    }

    static RegistryCheck Check(Case c) => new(RegistryCopies.Of([.. c.Copies.Select(k => k.List)], c.Now),
        [.. c.Copies.Where(k => k.Listed).Select(k => k.List.Id)]);

    [Property(MaxTest = 3000)]
    public Property A_number_on_a_binding_copy_or_under_an_out_of_date_copy_is_never_dialed() =>
        Prop.ForAll(Cases(), c =>
        {
            var (listing, stale) = Judge(c);
            var check = Check(c);
            var atClaim = DialPermit.ExplainAtClaim(c.Campaign, c.Contact, false, ConsentKinds.All, 0,
                PersonHistory.None, c.Now, DialLead.Default, check);
            var atDial = DialPermit.BeforeDial(c.Campaign, c.Contact, false, ConsentKinds.All, c.Now,
                DialLead.Default, check);
            var expected = listing.Length > 0 ? DialPermit.NationalRegistry
                : stale.Length > 0 ? DialPermit.RegistryOutOfDate : null;
            bool IsRegistry(string? code) => code is DialPermit.NationalRegistry or DialPermit.RegistryOutOfDate;
            var codeAgrees = expected is null
                ? !IsRegistry(atClaim?.Code) && !IsRegistry(atDial)
                : atClaim?.Code == expected && atDial == expected;
            // the refusal names a copy that refuses: its name, country and download day
            string Label(RegistryList l) => $"{l.Name} ({l.Jurisdiction}) of {l.DownloadedOn:yyyy-MM-dd}";
            var named = expected is null || (listing.Length > 0 ? listing : stale)
                .Any(k => atClaim!.Value.Rule!.StartsWith(Label(k.List)));
            return (codeAgrees && named).Label(c.ToString());
        });

    [Property(MaxTest = 1000)]
    public Property Without_registry_copies_the_permit_decides_as_before() =>
        Prop.ForAll(Cases(), c =>
            DialPermit.BeforeDial(c.Campaign, c.Contact, false, ConsentKinds.All, c.Now, DialLead.Default,
                new RegistryCheck(RegistryCopies.Of([.. c.Copies.Select(k => k.List)
                    .Where(l => l.Jurisdiction == "FR")], c.Now), []))
            == DialPermit.BeforeDial(c.Campaign, c.Contact, false, ConsentKinds.All, c.Now, DialLead.Default));

    [Fact]
    public void A_refusal_names_the_registry_and_its_date()
    {
        var now = DateTimeOffset.Parse("2027-03-03T15:00:00Z");
        var list = new RegistryList
        {
            Id = Guid.NewGuid(), Name = "Lista Robinson", Jurisdiction = "ES", DownloadedOn = new(2027, 3, 1),
        };
        var c = Make(Places[4], null, [new Copy(list, true)], now);
        Assert.Equal("national-registry: Lista Robinson (ES) of 2027-03-01", DialPermit.ExplainAtClaim(c.Campaign,
            c.Contact, false, ConsentKinds.All, 0, PersonHistory.None, now, DialLead.Default, Check(c)).ToString());

        list.DownloadedOn = new(2027, 1, 31);
        c = Make(Places[4], null, [new Copy(list, false)], now);
        Assert.Equal("registry-out-of-date: Lista Robinson (ES) of 2027-01-31 is older than ES's 30 days",
            DialPermit.ExplainAtClaim(c.Campaign, c.Contact, false, ConsentKinds.All, 0, PersonHistory.None, now,
                DialLead.Default, Check(c)).ToString());
    }

    [Fact]
    public void The_US_allows_a_copy_of_31_days_and_not_32()
    {
        var now = DateTimeOffset.Parse("2027-03-03T18:00:00Z");
        RegistryList Copy(int days) => new()
        {
            Id = Guid.NewGuid(), Name = "National DNC", Jurisdiction = "US",
            DownloadedOn = new DateOnly(2027, 3, 3).AddDays(-days),
        };
        Assert.False(RegistryCopies.Of([Copy(31)], now).All[0].Stale);
        Assert.True(RegistryCopies.Of([Copy(32)], now).All[0].Stale);
        Assert.False(RegistryCopies.Of([Copy(32), Copy(3)], now).All[0].Stale); // a fresh copy of it binds too
    }

    [Fact]
    public void A_contact_on_a_registry_is_set_aside_and_one_under_an_old_copy_waits_an_hour()
    {
        var now = DateTimeOffset.Parse("2027-03-03T15:00:00Z");
        var listed = new Contact { Phone = "+34915550142", Status = ContactStatus.Pending };
        listed.Defer(new CampaignSettings(), DialPermit.NationalRegistry, now, DialLead.Default);
        Assert.Equal((ContactStatus.Done, DialPermit.NationalRegistry), (listed.Status, listed.LastOutcome));
        var waiting = new Contact { Phone = "+34915550142", Status = ContactStatus.Pending };
        waiting.Defer(new CampaignSettings(), DialPermit.RegistryOutOfDate, now, DialLead.Default);
        Assert.Equal((ContactStatus.Pending, now.AddHours(1)), (waiting.Status, waiting.NextAttemptAt));
    }

    [Fact]
    public void A_state_registry_binds_by_area_code_or_stated_state_and_names_itself()
    {
        var now = DateTimeOffset.Parse("2027-03-03T18:00:00Z");
        var florida = new RegistryList
        {
            Id = Guid.NewGuid(), Name = "Florida Do Not Call", Jurisdiction = "US-FL", DownloadedOn = new(2027, 1, 2),
        };
        var miami = Make(Places[1], null, [new Copy(florida, true)], now);
        Assert.Equal("national-registry: Florida Do Not Call (US-FL) of 2027-01-02", DialPermit.ExplainAtClaim(
            miami.Campaign, miami.Contact, false, ConsentKinds.All, 0, PersonHistory.None, now, DialLead.Default,
            Check(miami)).ToString());
        // a San Francisco number listed in Florida is screened against Florida's list; one listed nowhere is not
        var listed = Make(Places[0], "US-FL", [new Copy(florida, true)], now);
        Assert.Equal(DialPermit.NationalRegistry, DialPermit.BeforeDial(listed.Campaign, listed.Contact, false,
            ConsentKinds.All, now, DialLead.Default, Check(listed)));
        var elsewhere = Make(Places[0], null, [new Copy(florida, true)], now);
        Assert.Null(DialPermit.BeforeDial(elsewhere.Campaign, elsewhere.Contact, false, ConsentKinds.All, now,
            DialLead.Default, Check(elsewhere)));

        florida.DownloadedOn = new(2026, 11, 30); // 93 days
        miami = Make(Places[1], null, [new Copy(florida, false)], now);
        Assert.Equal("registry-out-of-date: Florida Do Not Call (US-FL) of 2026-11-30 is older than US-FL's 92 days",
            DialPermit.ExplainAtClaim(miami.Campaign, miami.Contact, false, ConsentKinds.All, 0, PersonHistory.None,
                now, DialLead.Default, Check(miami)).ToString());
    }

    [Fact]
    public void A_state_without_a_registry_rule_of_its_own_takes_its_countrys()
    {
        Assert.Equal(92, RegistryCopies.MaxAgeDays("US-IN"));
        Assert.Equal(31, RegistryCopies.MaxAgeDays("US-NY"));
        Assert.Equal(31, RegistryCopies.MaxAgeDays("CA-ON"));
        Assert.Null(RegistryCopies.MaxAgeDays("FR"));
    }
}
