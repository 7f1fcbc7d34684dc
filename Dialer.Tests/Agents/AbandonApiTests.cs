using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Auth;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Agents;

[Collection(ApiCollection.Name)]
public sealed class AbandonApiTests(ApiFactory api)
{
    [Fact]
    public async Task The_ledger_counts_live_answers_abandons_and_machines_inside_the_window_only()
    {
        var campaignId = await api.ClientAs(Role.Marketer).CreateCampaignAsync();
        var now = DateTimeOffset.UtcNow;
        await using (var db = api.Database.CreateDb()) // a campaign that has run for 60 days: its window is the last 30
            await db.Campaigns.Where(c => c.Id == campaignId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.StartedAt, now.AddDays(-60)));
        await SeedAsync(campaignId, now.AddMinutes(-5), live: 40, abandoned: 1, machines: 3);
        // before the 30 days: not counted
        await SeedAsync(campaignId, now.AddDays(-40), live: 10, abandoned: 10, machines: 0);

        var ledger = await api.ClientAs(Role.Manager)
            .GetFromJsonAsync<JsonObject>($"/api/campaigns/{campaignId}/abandon");

        Assert.Equal(40, ledger!["liveAnswers"]!.GetValue<int>());
        Assert.Equal(1, ledger["abandoned"]!.GetValue<int>());
        Assert.Equal(39, ledger["connected"]!.GetValue<int>());
        Assert.Equal(3, ledger["machineVerdicts"]!.GetValue<int>());
        Assert.Equal(0.025, ledger["rate"]!.GetValue<double>(), 6);
        Assert.Equal(0, ledger["abandonsLeft"]!.GetValue<int>()); // (1+1)/(40+1) = 4.9% > 3%
        Assert.Equal(HttpStatusCode.Forbidden,
            (await api.ClientAs(Role.Agent).GetAsync($"/api/campaigns/{campaignId}/abandon")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await api.ClientAs(Role.Manager).GetAsync($"/api/campaigns/{Guid.NewGuid()}/abandon")).StatusCode);
    }

    // distinct numbers, never drawn at random: two draws of one number broke the campaign's unique (campaign, phone)
    static int _nextPhone = Random.Shared.Next(0, 50_000);

    async Task SeedAsync(Guid campaignId, DateTimeOffset answeredAt, int live, int abandoned, int machines)
    {
        await using var db = api.Database.CreateDb();
        for (var i = 0; i < live + machines; i++)
        {
            var contact = new Contact
            {
                CampaignId = campaignId,
                Phone = $"+1312555{Interlocked.Increment(ref _nextPhone) % 100_000:D5}", Status = ContactStatus.Done,
                CreatedAt = answeredAt
            };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            var a = CallAttempt.Create(campaignId, contact.Id, answeredAt.AddSeconds(-20));
            (a.State, a.AnsweredAt, a.EndedAt) = (AttemptState.Completed, answeredAt, answeredAt.AddMinutes(1));
            if (i < live)
            {
                (a.LiveAnswer, a.AnsweredBy) = (true, "human");
                if (i < abandoned) (a.Abandoned, a.MessageStartedAt) = (true, answeredAt);
                else a.BridgedAt = answeredAt.AddSeconds(1);
            }
            else a.AnsweredBy = "machine_start";
            db.CallAttempts.Add(a);
        }
        await db.SaveChangesAsync();
    }
}
