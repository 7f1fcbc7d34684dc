using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Compliance.Rules;
using Dialer.Core.Contacts;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PublicHoliday;

namespace Dialer.Tests.Compliance.Rules;

/// <summary>
/// No permitted dial outside any applicable rule: generated contacts in every shipped jurisdiction (by number, and by a
/// stated state or country), campaign windows, and instants crowded around clock changes, public holidays and the edges
/// of the days, in 2027 and 2028. The judge reads the rule files itself and asks the holiday package directly, second
/// by second over the call's whole ring, in every zone the contact may be in.
/// </summary>
public sealed class JurisdictionPropertyTests
{
    /// <summary>A number in each shipped jurisdiction, the jurisdictions it binds, and its zones.</summary>
    public sealed record Place(string Phone, string[] Jurisdictions, string[] Zones);

    static readonly Place[] Places =
    [
        new("+14155550142", ["US", "US-CA"], ["America/Los_Angeles"]),
        new("+13055550142", ["US", "US-FL"], ["America/New_York"]),
        new("+14055550142", ["US", "US-OK"], ["America/Chicago"]),
        new("+14105550142", ["US", "US-MD"], ["America/New_York"]),
        new("+12065550142", ["US", "US-WA"], ["America/Los_Angeles"]),
        new("+12145550142", ["US", "US-TX"], ["America/Chicago"]),
        new("+15045550142", ["US", "US-LA"], ["America/Chicago"]),
        new("+13175550142", ["US", "US-IN"], ["America/Indiana/Indianapolis"]),
        new("+14165550142", ["CA", "CA-ON"], ["America/Toronto"]),
        new("+16045550142", ["CA", "CA-BC"], ["America/Vancouver"]),
        new("+442079460958", ["GB"], ["Europe/London"]),
        new("+34915550142", ["ES"], ["Europe/Madrid"]),
        new("+34928550142", ["ES"], ["Atlantic/Canary"]),
        new("+525555550142", ["MX"], ["America/Mexico_City"]),
    ];

    static readonly string?[] Stated = [null, null, null, "US-FL", "US-TX", "US-LA", "ES", "CA", "GB", "MX", "US-NY"];

    /// <summary>Days worth crowding: clock changes (US, EU) and holidays of every calendar, 2027-2028.</summary>
    static readonly DateTimeOffset[] Moments = BuildMoments();

    static DateTimeOffset[] BuildMoments()
    {
        DateTime[] clockChanges =
        [
            new(2027, 3, 14), new(2027, 11, 7), new(2028, 3, 12), new(2028, 11, 5), // US
            new(2027, 3, 28), new(2027, 10, 31), new(2028, 3, 26), new(2028, 10, 29), // EU
        ];
        var holidays = new[] { 2027, 2028 }.SelectMany(y => new[]
        {
            new SpainPublicHoliday().PublicHolidays(y), new USAPublicHoliday().PublicHolidays(y),
            new CanadaPublicHoliday().PublicHolidays(y), new UKBankHoliday().PublicHolidays(y),
            new MexicoPublicHoliday().PublicHolidays(y),
        }.SelectMany(d => d));
        return [.. clockChanges.Concat(holidays).Select(d => new DateTimeOffset(d.Date, TimeSpan.Zero))];
    }

    public sealed record Case(Campaign Campaign, Contact Contact, Place Place, DateTimeOffset Now)
    {
        public override string ToString() =>
            $"{Now:O} {Place.Phone} stated {Contact.StatedJurisdiction ?? "-"} window " +
            $"{Campaign.Settings.CallingWindow.Start}-{Campaign.Settings.CallingWindow.End} " +
            $"{HoursWindows.Days(Campaign.Settings.CallingWindow.Days)}";
    }

    static Gen<DateTimeOffset> Instants() => Gen.OneOf(
        Gen.Choose(0, 2 * 366 * 24 * 60)
            .Select(m => new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(m)),
        Gen.Elements(Moments).SelectMany(day => Gen.Choose(-36 * 60, 60 * 60).Select(m => day.AddMinutes(m))),
        // near whole and half hours, where windows open and close
        Gen.Elements(Moments).SelectMany(day => Gen.Choose(-48, 72).SelectMany(h =>
            Gen.Choose(-90, 90).Select(s => day.AddHours(h).AddMinutes(30 * (h % 2)).AddSeconds(s)))));

    static Gen<CallingWindow> Windows() =>
        Gen.Choose(8, 20).SelectMany(start => Gen.Choose(start + 1, 21).SelectMany(end =>
            Gen.SubListOf(Enum.GetValues<DayOfWeek>()).Where(d => d.Count > 0).Select(days => new CallingWindow
            {
                Start = new TimeOnly(start, 0), End = new TimeOnly(end, 0), Days = [.. days],
            })));

    static Arbitrary<Case> Cases() =>
        (from place in Gen.Elements(Places)
         from stated in Gen.Elements(Stated)
         from window in Gen.Frequency((1, Windows()),
             (2, Gen.Constant(new CallingWindow { Days = Enum.GetValues<DayOfWeek>() })))
         from now in Instants()
         select Make(place, stated, window, now)).ToArbitrary();

    static Case Make(Place place, string? stated, CallingWindow window, DateTimeOffset now)
    {
        var campaign = Campaign.Create(new CampaignSettings { CallingWindow = window, MaxAttempts = 10 }, now);
        campaign.Status = CampaignStatus.Running;
        var contact = new Contact { Phone = place.Phone, TimeZones = place.Zones, StatedJurisdiction = stated };
        return new Case(campaign, contact, place, now);
    }

    /// <summary>The judge: every rule set that binds, read from its file, open at this instant in every zone.</summary>
    static bool Lawful(Case c, DateTimeOffset at)
    {
        var codes = c.Place.Jurisdictions.Concat(c.Contact.StatedJurisdiction is { } s ? [s] : [])
            .SelectMany(code => code.Contains('-') ? new[] { code[..code.IndexOf('-')], code } : [code])
            .Append(RuleBook.Default).Distinct();
        var files = codes.Select(RuleBook.Shipped.Find).OfType<JurisdictionRules>().Select(r => r.File).ToList();
        var window = c.Campaign.Settings.CallingWindow;
        foreach (var zoneId in c.Contact.TimeZones)
        {
            var local = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(zoneId)).DateTime;
            var time = TimeOnly.FromDateTime(local);
            if (!window.Days.Contains(local.DayOfWeek) || time < window.Start || time >= window.End) return false;
            foreach (var file in files)
            {
                if (file.Hours is { } hours && !hours.Windows.Any(w => w.Days.Contains(local.DayOfWeek)
                        && time >= TimeOnly.Parse(w.Start) && time < TimeOnly.Parse(w.End)))
                    return false;
                if (file.Holidays is { Closed: true } h && IsHoliday(h.Calendar, local.Date)) return false;
            }
        }
        return true;
    }

    static bool IsHoliday(string calendar, DateTime day)
    {
        PublicHolidayBase source = calendar switch
        {
            "ES" => new SpainPublicHoliday(),
            "US" => new USAPublicHoliday(),
            "CA" => new CanadaPublicHoliday(),
            "MX" => new MexicoPublicHoliday(),
            _ => throw new ArgumentException(calendar),
        };
        return source.PublicHolidays(day.Year).Contains(day) || source.PublicHolidays(day.Year + 1).Contains(day);
    }

    static bool LawfulThroughout(Case c, TimeSpan span)
    {
        for (var s = 0; s <= (int)span.TotalSeconds; s++)
            if (!Lawful(c, c.Now.AddSeconds(s))) return false;
        return true;
    }

    [Property(MaxTest = 3000)]
    public Property A_dial_is_permitted_exactly_when_every_applicable_rule_is_open_for_its_whole_ring() =>
        Prop.ForAll(Cases(), c =>
            (DialPermit.BeforeDial(c.Campaign, c.Contact, false, ConsentKinds.All, c.Now, DialLead.Default) is null)
            == LawfulThroughout(c, DialLead.Default.AtDial));

    [Property(MaxTest = 1500)]
    public Property No_claim_is_permitted_outside_any_applicable_rule() =>
        Prop.ForAll(Cases(), c =>
            DialPermit.AtClaim(c.Campaign, c.Contact, false, ConsentKinds.All, 0, c.Now, DialLead.Default) is not null
            || LawfulThroughout(c, DialLead.Default.AtClaim));

    [Property(MaxTest = 500)]
    public Property A_deferred_contact_is_due_again_when_every_rule_is_open() =>
        Prop.ForAll(Cases(), c =>
        {
            if (DialPermit.AtClaim(c.Campaign, c.Contact, false, ConsentKinds.All, 0, c.Now,
                DialLead.Default) != DialPermit.OutsideHours)
                return true;
            var contact = new Contact
            {
                Phone = c.Contact.Phone, TimeZones = c.Contact.TimeZones,
                StatedJurisdiction = c.Contact.StatedJurisdiction,
                Status = ContactStatus.Pending,
            };
            contact.Defer(c.Campaign.Settings, DialPermit.OutsideHours, c.Now, DialLead.Default);
            return contact.Status == ContactStatus.Done
                || LawfulThroughout(c with { Now = contact.NextAttemptAt!.Value }, DialLead.Default.AtClaim);
        });

    [Property(MaxTest = 1000)]
    public Property A_campaign_rule_only_ever_narrows() =>
        Prop.ForAll(Cases(),
            Gen.Choose(0, 23).SelectMany(start => Gen.Choose(start + 1, 24).Select(end => (start, end)))
            .ToArbitrary(), (c, hours) =>
        {
            var code = c.Place.Jurisdictions[^1];
            var tightening = new Tightening
            {
                Jurisdiction = code, ClosedOnHolidays = true,
                Hours = [new HoursWindow(Enum.GetValues<DayOfWeek>(), $"{hours.start:00}:00",
                    hours.end == 24 ? "23:59" : $"{hours.end:00}:00")],
            };
            var tightened = Campaign.Create(c.Campaign.Settings with { Tightenings = [tightening] }, c.Now);
            tightened.Status = CampaignStatus.Running;
            var with = DialPermit.BeforeDial(tightened, c.Contact, false, ConsentKinds.All, c.Now,
                DialLead.Default) is null;
            var without = DialPermit.BeforeDial(c.Campaign, c.Contact, false, ConsentKinds.All, c.Now,
                DialLead.Default) is null;
            return !with || without;
        });

    [Fact]
    public void Every_shipped_jurisdiction_is_among_the_generated_contacts()
    {
        var generated = Places.SelectMany(p => p.Jurisdictions).Concat(Stated.OfType<string>()).ToHashSet();
        Assert.All(RuleBook.Shipped.All.Where(r => r.Code != RuleBook.Default),
            r => Assert.Contains(r.Code, generated));
    }

    [Fact]
    public void Each_number_is_placed_where_the_generator_says()
    {
        foreach (var place in Places)
            Assert.Equal(place.Jurisdictions, NumberPlaces.Of(place.Phone).Jurisdictions);
    }

    [Theory]
    [InlineData("+34915550142", "2027-10-12T10:00:00Z", "outside-calling-hours: ES public holiday")] // Fiesta Nacional
    [InlineData("+34915550142", "2027-10-09T10:00:00Z", "outside-calling-hours: ES Mon-Fri 09:00-21:00")] // Saturday
    // Christmas observed
    [InlineData("+15045550142", "2027-12-24T15:00:00Z", "outside-calling-hours: US-LA public holiday")]
    [InlineData("+12145550142", "2027-03-07T17:30:00Z",
        "outside-calling-hours: US-TX Mon-Sat 09:00-21:00, Sun 12:00-21:00")]
    [InlineData("+14165550142", "2027-03-06T14:30:00Z",
        "outside-calling-hours: CA Mon-Fri 09:00-21:30, Sat-Sun 10:00-18:00")]
    public void A_refusal_names_the_rule_and_the_jurisdiction(string phone, string utc, string expected)
    {
        var place = Places.First(p => p.Phone == phone);
        var c = Make(place, null, new CallingWindow { Days = Enum.GetValues<DayOfWeek>() }, DateTimeOffset.Parse(utc));
        Assert.Equal(expected, DialPermit.ExplainAtClaim(c.Campaign, c.Contact, false, ConsentKinds.All, 0,
            PersonHistory.None, c.Now,
            DialLead.Default).ToString());
    }

    [Fact]
    public void A_Florida_number_stated_in_Spain_is_bound_by_both()
    {
        var miami = Places.First(p => p.Phone == "+13055550142");
        // a Saturday, 12:00 in Miami: Florida allows it, Spain (stated) does not call on weekends
        var c = Make(miami, "ES", new CallingWindow { Days = Enum.GetValues<DayOfWeek>() },
            DateTimeOffset.Parse("2027-03-06T17:00:00Z"));
        Assert.Equal("US, US-FL, ES", DialPermit.RulesFor(c.Campaign.Settings, c.Contact).Codes);
        Assert.Equal(DialPermit.OutsideHours,
            DialPermit.BeforeDial(c.Campaign, c.Contact, false, ConsentKinds.All, c.Now, DialLead.Default));
    }
}
