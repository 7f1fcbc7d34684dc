using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dialer.Tests.Compliance;

public sealed class DialPermitTests
{
    static Campaign Running(int maxAttempts, int per24Hours)
    {
        var c = Campaign.Create(new CampaignSettings
        {
            Name = "c", CallerId = "+14155550100", MaxAttempts = maxAttempts, MaxAttemptsPer24Hours = per24Hours,
            CallingWindow = new CallingWindow { Days = Enum.GetValues<DayOfWeek>() },
        }, DateTimeOffset.UtcNow);
        c.Status = CampaignStatus.Running;
        return c;
    }

    [Property(MaxTest = 1000)]
    public Property No_contact_is_ever_permitted_that_breaks_a_rule() =>
        Prop.ForAll((
            from maxAttempts in Gen.Choose(1, 10)
            from attempts in Gen.Choose(0, 12)
            from last24Hours in Gen.Choose(0, 5)
            from onList in Gen.Elements(true, false)
            from status in Gen.Elements(Enum.GetValues<CampaignStatus>())
            from second in Gen.Choose(0, 24 * 3600 - 1)
            select (maxAttempts, attempts, last24Hours, onList, status, second)).ToArbitrary(),
            t =>
            {
                var (maxAttempts, attempts, last24Hours, onList, status, second) = t;
                var campaign = Running(maxAttempts, Math.Max(1, maxAttempts / 2));
                campaign.Status = status;
                var contact = new Contact
                {
                    Phone = "+14155550101", TimeZones = ["America/Chicago"],
                    Attempts = attempts
                };
                var now = new DateTimeOffset(2026, 6, 10, 0, 0, 0, TimeSpan.Zero).AddSeconds(second);
                var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
                var (local, stopsRinging) = (TimeZoneInfo.ConvertTime(now, chicago),
                    TimeZoneInfo.ConvertTime(now + DialLead.Default.AtClaim, chicago));

                var permitted = DialPermit.AtClaim(campaign, contact, onList, ConsentKinds.All, last24Hours, now,
                    DialLead.Default) is null;

                var lawful = !onList && status == CampaignStatus.Running && local.Hour is >= 8 and < 21
                    && stopsRinging.Hour is >= 8 and < 21 && attempts < maxAttempts
                    && last24Hours < campaign.Settings.MaxAttemptsPer24Hours;
                return permitted == lawful;
            });

    [Fact]
    public void The_check_before_the_dial_ignores_attempt_counts_already_taken_at_the_claim()
    {
        var campaign = Running(1, 1);
        var contact = new Contact
        {
            TimeZones = [Dialer.Tests.Infrastructure.DialingWorld.ZoneOpenNow()],
            Attempts = 1
        };
        var now = DateTimeOffset.UtcNow;
        Assert.Null(DialPermit.BeforeDial(campaign, contact, false, ConsentKinds.All, now, DialLead.Default));
        Assert.Equal(DialPermit.DoNotCall, DialPermit.BeforeDial(campaign, contact, true, ConsentKinds.All, now,
            DialLead.Default));
    }
}
