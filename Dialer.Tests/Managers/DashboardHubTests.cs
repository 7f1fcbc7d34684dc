using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Dialer.Api.Dashboard;
using Dialer.Contracts;
using Dialer.Core.Auth;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using MassTransit;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dialer.Tests.Managers;

[Collection(ApiCollection.Name)]
public sealed class DashboardHubTests(ApiFactory api)
{
    [Fact]
    public async Task The_hub_pushes_a_campaigns_figures_within_a_second_of_a_call_completed_on_rabbitmq()
    {
        var id = await KnownHistory.SeedAsync(api.Database);
        var bus = api.Services.GetRequiredService<IBusControl>();
        Assert.Equal(BusHealthStatus.Healthy,
            await bus.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30)));
        var updates = Channel.CreateUnbounded<CampaignFigures>();
        await using var hub = Connect(api, Role.Manager);
        hub.On<CampaignFigures>(DashboardHub.CampaignMessage,
            f => { if (f.CampaignId == id) updates.Writer.TryWrite(f); });
        await hub.StartAsync();

        var attemptId = await AddSaleAsync(id);
        var published = Stopwatch.StartNew();
        await bus.Publish(new CallCompleted(attemptId, id, "completed", "human", 90, DateTimeOffset.UtcNow));
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var update = await updates.Reader.ReadAsync(wait.Token);

        Assert.True(published.Elapsed < TimeSpan.FromSeconds(1), $"the update took {published.Elapsed}");
        Assert.Equal(3, update.Conversions);
        Assert.Equal(11, update.Dials);
        Assert.Equal(5, update.Connects);
        Assert.Equal(1, update.LinesInFlight);
        Assert.Equal(10, update.ContactsTotal);
    }

    [Fact]
    public async Task Only_managers_may_open_the_hub()
    {
        await using var hub = Connect(api, Role.Agent);

        var refused = await Assert.ThrowsAnyAsync<HttpRequestException>(() => hub.StartAsync());

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task The_snapshot_lists_each_campaign_with_its_figures_and_managers_pause_and_resume()
    {
        var id = await KnownHistory.SeedAsync(api.Database);
        var manager = api.ClientAs(Role.Manager);

        var all = await manager.GetFromJsonAsync<JsonArray>("/api/dashboard/campaigns");
        var paused = await manager.PostAsync($"/api/dashboard/campaigns/{id}/pause", null);
        var resumed = await manager.PostAsync($"/api/dashboard/campaigns/{id}/resume", null);

        var mine = all!.Single(c => (Guid)c!["campaignId"]! == id)!;
        Assert.Equal("running", (string)mine["status"]!);
        Assert.Equal(10, (long)mine["dials"]!);
        Assert.Equal(1, (long)mine["abandoned"]!);
        // the rate is the rolling 30 days', and June's calls have left it
        Assert.Equal(0, (double)mine["abandonRate"]!);
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await api.ClientAs(Role.Agent).GetAsync("/api/dashboard/campaigns")).StatusCode);
    }

    async Task<Guid> AddSaleAsync(Guid campaignId)
    {
        await using var db = api.Database.CreateDb();
        var contact = db.Contacts.First(c => c.CampaignId == campaignId);
        var now = DateTimeOffset.UtcNow;
        var attempt = new CallAttempt
        {
            Id = Guid.NewGuid(), CampaignId = campaignId, ContactId = contact.Id, State = AttemptState.Completed,
            Outcome = "completed",
            CreatedAt = now, DialedAt = now, AnsweredAt = now, AnsweredBy = "human", BridgedAt = now, EndedAt = now,
            Disposition = "sale", Converted = true, LiveAnswer = true,
            DurationSeconds = 90, CallSid = "CA" + Guid.NewGuid().ToString("N"),
        };
        db.CallAttempts.Add(attempt);
        await db.SaveChangesAsync();
        return attempt.Id;
    }

    public static HubConnection Connect(ApiFactory api, Role role)
    {
        var key = api.ClientAs(role).DefaultRequestHeaders.GetValues("X-Api-Key").Single();
        return api.Hub(DashboardHub.Path, key)
            .AddJsonProtocol(o => Dialer.Core.Data.DialerJson.Configure(o.PayloadSerializerOptions))
            .Build();
    }
}
