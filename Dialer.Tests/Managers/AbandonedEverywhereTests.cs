using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Auth;
using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Managers;

/// <summary>One verdict of "abandoned" (the abandon rule's, kept on the attempt): the ledger, the reports and the
/// dashboard count the same calls.</summary>
[Collection(ApiCollection.Name)]
public sealed class AbandonedEverywhereTests(ApiFactory api)
{
    [Fact]
    public async Task A_call_connected_too_late_is_abandoned_in_the_ledger_the_reports_and_the_dashboard_alike()
    {
        var id = await SeedAsync();
        var manager = api.ClientAs(Role.Manager);

        var ledger = (await manager.GetFromJsonAsync<JsonObject>($"/api/campaigns/{id}/abandon"))!;
        var results = (await manager.GetFromJsonAsync<JsonObject>($"/api/campaigns/{id}/results"))!;
        var compliance = (await manager.GetFromJsonAsync<JsonObject>($"/api/campaigns/{id}/compliance"))!;
        var dashboard = (await manager.GetFromJsonAsync<JsonArray>("/api/dashboard/campaigns"))!.Single(c =>
            (Guid)c!["campaignId"]! == id)!;

        Assert.Equal((3, 2), ((int)ledger["liveAnswers"]!, (int)ledger["abandoned"]!));
        Assert.Equal(2, (long)results["totals"]!["abandoned"]!);
        Assert.Equal((3, 2), ((long)compliance["humanAnswers"]!, (long)compliance["abandoned"]!));
        Assert.Equal(2, (long)dashboard["abandoned"]!);
        Assert.Equal((double)ledger["rate"]!, (double)compliance["abandonRate"]!, 4); // the report rounds to 4 places
    }

    /// <summary>Three live answers: one connected in time, one connected 6 s after the greeting (abandoned all the
    /// same), one given the message.</summary>
    async Task<Guid> SeedAsync()
    {
        var now = DateTimeOffset.UtcNow;
        await using var db = api.Database.CreateDb();
        var campaign = Campaign.Create(
            new CampaignSettings
            {
                Name = "one verdict " + Guid.NewGuid().ToString("N")[..6],
                CallerId = "+14155550100"
            }, now.AddHours(-1));
        campaign.Status = CampaignStatus.Running;
        db.Campaigns.Add(campaign);
        var contact = new Contact
        {
            CampaignId = campaign.Id, Phone = "+14155550199", TimeZones = ["America/New_York"],
            Status = ContactStatus.Done, CreatedAt = now
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        CallAttempt Live(int minutesAgo, int? bridgedAfter, bool abandoned, string answeredBy = "human")
        {
            var answered = now.AddMinutes(-minutesAgo);
            return new CallAttempt
            {
                Id = Guid.NewGuid(), CampaignId = campaign.Id, ContactId = contact.Id, State = AttemptState.Completed,
                Outcome = "completed",
                CallSid = "CA" + Guid.NewGuid().ToString("N"), CreatedAt = answered.AddSeconds(-20),
                DialedAt = answered.AddSeconds(-20), AnsweredAt = answered,
                AnsweredBy = answeredBy, LiveAnswer = answeredBy == "human",
                BridgedAt = bridgedAfter is { } s ? answered.AddSeconds(s) : null,
                MessageStartedAt = bridgedAfter is null && answeredBy == "human" ? answered.AddSeconds(1) : null,
                Abandoned = abandoned, EndedAt = answered.AddSeconds(60),
            };
        }
        db.CallAttempts.AddRange(Live(30, 1, false), Live(29, 6, true), Live(28, null, true),
            Live(27, null, false, "machine_start"));
        await db.SaveChangesAsync();
        return campaign.Id;
    }
}
