using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Contacts;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dialer.Tests.Compliance;

/// <summary>
/// The permit near the end of a window or of a campaign, over generated zones, windows, leads and instants, most of
/// them within minutes of a window's edge; judged second by second against <see cref="CallingHours.IsOpen"/>.
/// </summary>
public sealed class EndOfWindowPropertyTests
{
    static readonly string[] Zones =
        ["America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles",
         "Pacific/Honolulu", "Europe/London", "Asia/Kolkata", "Australia/Adelaide", "Asia/Kathmandu",
         "Pacific/Chatham"];

    public sealed record Case(Campaign Campaign, Contact Contact, DialLead Lead, DateTimeOffset Now)
    {
        public override string ToString() =>
            $"{Now:O} zones {string.Join(',', Contact.TimeZones)} window {Campaign.Settings.CallingWindow.Start}-" +
            $"{Campaign.Settings.CallingWindow.End} end {Campaign.Settings.EndAt:O} lead {Lead.AtDial}/{Lead.AtClaim}";
    }

    static readonly DateTimeOffset Year2026 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    static readonly Gen<CallingWindow> Windows =
        from start in Gen.Choose(6 * 60, 14 * 60)
        from end in Gen.Choose(15 * 60, 22 * 60)
        from days in Gen.SubListOf(Enum.GetValues<DayOfWeek>()).Where(d => d.Count > 0)
        select new CallingWindow
        {
            Start = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(start)),
            End = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(end)),
            Days = [.. days],
        };

    /// <summary>An instant within 5 minutes of the window's start or end in one of the zones, or any at all.</summary>
    static Gen<DateTimeOffset> Instants(CallingWindow window, string[] zones) => Gen.OneOf(
        Gen.Choose(0, 2 * 366 * 24 * 60).Select(m => Year2026.AddMinutes(m)),
        from zone in Gen.Elements(zones)
        from day in Gen.Choose(0, 2 * 366)
        from edge in Gen.Elements(Later(window.Start, CallingWindow.LawfulStart),
            Earlier(window.End, CallingWindow.LawfulEnd))
        from offset in Gen.Choose(-300, 300)
        select EdgeAt(zone, day, edge, offset));

    static DateTimeOffset EdgeAt(string zone, int day, TimeOnly edge, int offsetSeconds)
    {
        var local = new DateTime(2026, 1, 1).AddDays(day).Add(edge.ToTimeSpan());
        var utc = TimeZoneInfo.ConvertTimeToUtc(local, TimeZoneInfo.FindSystemTimeZoneById(zone));
        return new DateTimeOffset(utc).AddSeconds(offsetSeconds);
    }

    static readonly Arbitrary<Case> Cases = (
        from window in Windows
        from zones in Gen.SubListOf(Zones).Where(z => z.Count is > 0 and <= 3)
        from now in Instants(window, [.. zones])
        from ring in Gen.Choose(15, 120)
        from request in Gen.Choose(1, 30)
        from wait in Gen.Choose(0, 120)
        from endsIn in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(-60, 600).Select(s => (int?)s))
        select Make(window, [.. zones], now, new DialLead(TimeSpan.FromSeconds(ring), TimeSpan.FromSeconds(request),
            TimeSpan.FromSeconds(wait)), endsIn)).ToArbitrary();

    static Case Make(CallingWindow window, string[] zones, DateTimeOffset now, DialLead lead, int? endsIn)
    {
        var campaign = Campaign.Create(new CampaignSettings
        {
            Name = "c", CallerId = "+14155550100", CallingWindow = window,
            EndAt = endsIn is { } s ? now.AddSeconds(s) : null,
        }, now);
        campaign.Status = CampaignStatus.Running;
        return new Case(campaign, new Contact { Phone = "+14155550101", TimeZones = zones }, lead, now);
    }

    /// <summary>The truth, second by second: open all the way, and the campaign not over, until it stops ringing.
    /// </summary>
    static bool RingsInside(Case c, TimeSpan ringsFor)
    {
        var window = c.Campaign.Settings.CallingWindow;
        for (var s = 0; s <= ringsFor.TotalSeconds; s++)
            if (!CallingHours.IsOpen(window, c.Contact.TimeZones, c.Now.AddSeconds(s))) return false;
        return c.Campaign.Settings.EndAt is not { } end || c.Now + ringsFor <= end;
    }

    [Property(MaxTest = 600)]
    public Property A_dial_is_permitted_exactly_when_it_would_stop_ringing_inside_the_window_and_the_campaign() =>
        Prop.ForAll(Cases, c => (DialPermit.BeforeDial(c.Campaign, c.Contact, false, ConsentKinds.All, c.Now,
            c.Lead) is null)
            == RingsInside(c, c.Lead.AtDial));

    [Property(MaxTest = 600)]
    public Property A_claim_is_permitted_exactly_when_its_dial_could_wait_its_turn_and_still_ring_inside() =>
        Prop.ForAll(Cases, c => (DialPermit.AtClaim(c.Campaign, c.Contact, false, ConsentKinds.All, 0, c.Now,
            c.Lead) is null)
            == RingsInside(c, c.Lead.AtClaim));

    [Property(MaxTest = 300)]
    public Property A_claimed_dial_that_gets_its_turn_within_the_expected_wait_is_never_refused_at_the_dial() =>
        Prop.ForAll(Cases, Gen.Choose(0, 100).ToArbitrary(), (c, percent) =>
        {
            var dialAt = c.Now + c.Lead.Wait * (percent / 100.0);
            return DialPermit.AtClaim(c.Campaign, c.Contact, false, ConsentKinds.All, 0, c.Now, c.Lead) is not null
                || DialPermit.BeforeDial(c.Campaign, c.Contact, false, ConsentKinds.All, dialAt, c.Lead) is null;
        });

    [Property(MaxTest = 300)]
    public Property A_contact_deferred_for_the_hours_is_due_when_a_whole_claim_fits_in_its_window() =>
        Prop.ForAll(Cases, c =>
        {
            var contact = new Contact { TimeZones = c.Contact.TimeZones, Status = ContactStatus.Pending };
            contact.Defer(c.Campaign.Settings, DialPermit.OutsideHours, c.Now, c.Lead);
            return contact.NextAttemptAt is not { } due
                ? contact.Status == ContactStatus.Done
                : due >= c.Now && CallingHours.IsOpenThrough(c.Campaign.Settings.CallingWindow, c.Contact.TimeZones,
                    due, c.Lead.AtClaim);
        });

    [Fact]
    public void The_last_claim_of_the_evening_is_the_one_whose_dial_stops_ringing_by_nine()
    {
        var campaign = Campaign.Create(new CampaignSettings
        {
            Name = "c", CallerId = "+14155550100",
            CallingWindow = new CallingWindow { Days = Enum.GetValues<DayOfWeek>() },
        }, DateTimeOffset.UtcNow);
        campaign.Status = CampaignStatus.Running;
        var contact = new Contact { TimeZones = ["America/Chicago"] };
        var nine = DateTimeOffset.Parse("2026-06-10T21:00:00-05:00");
        var lead = DialLead.Default; // 26 s ring + 10 s request, 30 s wait: a claim 66 s ahead, a dial 36 s

        string? Claim(int before) => DialPermit.AtClaim(campaign, contact, false, ConsentKinds.All, 0,
            nine.AddSeconds(-before), lead);
        string? Dial(int before) => DialPermit.BeforeDial(campaign, contact, false, ConsentKinds.All,
            nine.AddSeconds(-before), lead);

        Assert.Equal((null, DialPermit.OutsideHours), (Claim(67), Claim(66)));
        Assert.Equal((null, DialPermit.OutsideHours), (Dial(37), Dial(36)));
    }

    static TimeOnly Later(TimeOnly a, TimeOnly b) => a > b ? a : b;
    static TimeOnly Earlier(TimeOnly a, TimeOnly b) => a < b ? a : b;
}
