using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Compliance.Rules;

/// <summary>
/// One person, several campaigns, on real PostgreSQL: the calls-per-person cap and the lockout after an abandoned call
/// count by number across every campaign, and two campaigns never call one number at once.
/// </summary>
public sealed class PersonCallsTests : IAsyncLifetime
{
    readonly TestDatabase _database = new();
    // a Wednesday: 10:00 in New York, 15:00 in London, 16:00 in Madrid
    static readonly DateTimeOffset Now = new(2027, 3, 3, 15, 0, 0, TimeSpan.Zero);

    public Task InitializeAsync() => _database.InitializeAsync();
    public Task DisposeAsync() => _database.DisposeAsync();

    async Task<(Campaign Campaign, Contact Contact)> CampaignWithAsync(string phone, string zone,
        ContactStatus status = ContactStatus.Pending)
    {
        await using var db = _database.CreateDb();
        var campaign = Campaign.Create(new CampaignSettings
        {
            Name = "c", CallerId = "+14155550100", MaxAttempts = 10, MaxAttemptsPer24Hours = 10,
            CallingWindow = new CallingWindow { Days = Enum.GetValues<DayOfWeek>() },
        }, Now.AddDays(-5));
        campaign.Status = CampaignStatus.Running;
        db.Campaigns.Add(campaign);
        var contact = new Contact
        {
            CampaignId = campaign.Id, Phone = phone, TimeZones = [zone], Status = status,
            NextAttemptAt = Now.AddHours(-1), CreatedAt = Now.AddDays(-5),
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        // Spain needs prior consent for every call: these contacts have it, so the rule under test is what binds
        db.Consents.Add(new ContactConsent
        {
            ContactId = contact.Id, CampaignId = campaign.Id, Kind = ConsentKind.MarketingCalls, Source = "test",
            GivenAt = Now.AddDays(-30), Reference = "test", RecordedAt = Now.AddDays(-30),
        });
        await db.SaveChangesAsync();
        return (campaign, contact);
    }

    async Task AttemptsAsync(Contact contact, int count, DateTimeOffset at, bool abandoned = false)
    {
        await using var db = _database.CreateDb();
        for (var i = 0; i < count; i++)
        {
            var attempt = CallAttempt.Create(contact.CampaignId, contact.Id, at.AddMinutes(i));
            attempt.State = AttemptState.Completed;
            attempt.AnsweredAt = attempt.CreatedAt.AddSeconds(10);
            (attempt.LiveAnswer, attempt.Abandoned) = (abandoned, abandoned);
            db.CallAttempts.Add(attempt);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>The claim as the pacer makes it; returns what it permitted and what it left in the contact.</summary>
    async Task<(bool Permitted, Contact After)> ClaimAsync(Campaign campaign, DateTimeOffset now)
    {
        await using var db = _database.CreateDb();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var fresh = await db.Campaigns.SingleAsync(c => c.Id == campaign.Id);
            var (permitted, _) = await new ContactClaimer(db).LockPermittedAsync(fresh, 5, now, default);
            var contact = db.Contacts.Local.Single();
            await tx.RollbackAsync();
            return (permitted.Count == 1, contact);
        });
    }

    [Fact]
    public async Task Florida_allows_three_calls_a_day_to_one_number_counted_across_every_campaign()
    {
        const string miami = "+13055550142";
        var (_, earlier) = await CampaignWithAsync(miami, "America/New_York", ContactStatus.Done);
        var (campaign, _) = await CampaignWithAsync(miami, "America/New_York");

        await AttemptsAsync(earlier, 2, Now.AddHours(-20));
        Assert.True((await ClaimAsync(campaign, Now)).Permitted);

        await AttemptsAsync(earlier, 1, Now.AddHours(-2));
        var (permitted, contact) = await ClaimAsync(campaign, Now);
        Assert.False(permitted);
        Assert.True(contact.NextAttemptAt > Now); // deferred, not done

        // the first two are 24 h old
        Assert.True((await ClaimAsync(campaign, Now.AddHours(4).AddMinutes(5))).Permitted);
    }

    [Fact]
    public async Task A_California_number_has_no_such_cap()
    {
        const string sanFrancisco = "+14155550142";
        var (_, earlier) = await CampaignWithAsync(sanFrancisco, "America/Los_Angeles", ContactStatus.Done);
        var (campaign, _) = await CampaignWithAsync(sanFrancisco, "America/Los_Angeles");
        await AttemptsAsync(earlier, 5, Now.AddHours(-3));
        Assert.True((await ClaimAsync(campaign, Now.AddHours(2))).Permitted);
    }

    [Fact]
    public async Task A_UK_number_whose_call_was_abandoned_is_not_called_again_for_72_hours_by_any_campaign()
    {
        const string london = "+442079460958";
        var (_, earlier) = await CampaignWithAsync(london, "Europe/London", ContactStatus.Done);
        var (campaign, _) = await CampaignWithAsync(london, "Europe/London");
        await AttemptsAsync(earlier, 1, Now.AddHours(-71), abandoned: true);

        var refused = DialPermit.ExplainAtClaim(campaign,
            new Contact { Phone = london, TimeZones = ["Europe/London"] }, false, ConsentKinds.All, 0,
                new PersonHistory(1, Now.AddHours(-71), false), Now, DialLead.Default);
        Assert.Equal("abandoned-call-lockout: GB 72 h after an abandoned call", refused.ToString());
        Assert.False((await ClaimAsync(campaign, Now)).Permitted);
        Assert.True((await ClaimAsync(campaign, Now.AddHours(1).AddMinutes(5))).Permitted);
    }

    [Fact]
    public async Task A_number_another_campaign_is_calling_now_is_not_claimed()
    {
        const string madrid = "+34915550142";
        await CampaignWithAsync(madrid, "Europe/Madrid", ContactStatus.Dialing);
        var (campaign, _) = await CampaignWithAsync(madrid, "Europe/Madrid");

        var (permitted, contact) = await ClaimAsync(campaign, Now);
        Assert.False(permitted);
        Assert.Equal(Now.AddMinutes(1), contact.NextAttemptAt);
    }

    [Fact]
    public async Task Two_campaigns_claiming_one_number_at_the_same_moment_never_both_get_it()
    {
        const string toronto = "+14165550142";
        var (first, _) = await CampaignWithAsync(toronto, "America/Toronto");
        var (second, _) = await CampaignWithAsync(toronto, "America/Toronto");

        await using var db1 = _database.CreateDb();
        await db1.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx1 = await db1.Database.BeginTransactionAsync();
            var (permitted1, _) = await new ContactClaimer(db1).LockPermittedAsync(
                await db1.Campaigns.SingleAsync(c => c.Id == first.Id), 5, Now, default);
            Assert.Single(permitted1); // the first claim holds the number, uncommitted

            Assert.False((await ClaimAsync(second, Now)).Permitted);
            await tx1.RollbackAsync();
        });
        Assert.True((await ClaimAsync(second, Now)).Permitted); // released with the first claim's transaction
    }
}
