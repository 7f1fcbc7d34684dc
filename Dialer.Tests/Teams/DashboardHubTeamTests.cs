using System.Threading.Channels;
using Dialer.Api.Agents.Wall;
using Dialer.Api.Dashboard;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Managers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dialer.Tests.Teams;

/// <summary>The floor's live pushes go to the dashboards of the object's team (and admins'), not to every
/// manager.</summary>
[Collection(ApiCollection.Name)]
public sealed class DashboardHubTeamTests(ApiFactory api)
{
    [Fact]
    public async Task A_campaigns_live_figures_reach_its_own_teams_managers_and_admins_only()
    {
        var teams = await new TwoTeams(api).MakeAsync();
        var (ownManager, ownSeen) = await ListenAsync(DashboardHubTests.Connect(api, Role.Manager));
        var (admin, adminSeen) = await ListenAsync(DashboardHubTests.Connect(api, Role.Admin));
        var (otherManager, otherSeen) = await ListenAsync(api.Hub(DashboardHub.Path, teams.ManagerBKey)
            .AddJsonProtocol(o => Dialer.Core.Data.DialerJson.Configure(o.PayloadSerializerOptions)).Build());
        var feed = api.Services.GetRequiredService<DashboardFeed>();

        feed.Changed(teams.CampaignA);
        await WaitForAsync(ownSeen, teams.CampaignA);
        await WaitForAsync(adminSeen, teams.CampaignA);
        feed.Changed(teams.CampaignB); // pushed after A's: once team B's manager has B's, A's would have come first
        var otherGot = await WaitForAsync(otherSeen, teams.CampaignB);

        Assert.DoesNotContain(teams.CampaignA, otherGot.Concat(Drain(otherSeen)));
        await Task.WhenAll(ownManager.DisposeAsync().AsTask(), admin.DisposeAsync().AsTask(),
            otherManager.DisposeAsync().AsTask());
    }

    [Fact]
    public async Task An_agents_wall_row_reaches_their_own_teams_managers_only()
    {
        var teams = await new TwoTeams(api).MakeAsync();
        var (ownManager, ownSeen) = await ListenToWallAsync(DashboardHubTests.Connect(api, Role.Manager));
        var (otherManager, otherSeen) = await ListenToWallAsync(api.Hub(DashboardHub.Path, teams.ManagerBKey)
            .AddJsonProtocol(o => Dialer.Core.Data.DialerJson.Configure(o.PayloadSerializerOptions)).Build());
        var feed = api.Services.GetRequiredService<AgentWallFeed>();

        feed.Changed(teams.AgentA);
        await WaitForAsync(ownSeen, teams.AgentA);
        feed.Changed(teams.AgentB);
        var otherGot = await WaitForAsync(otherSeen, teams.AgentB);

        Assert.DoesNotContain(teams.AgentA, otherGot.Concat(Drain(otherSeen)));
        await Task.WhenAll(ownManager.DisposeAsync().AsTask(), otherManager.DisposeAsync().AsTask());
    }

    static async Task<(HubConnection Hub, Channel<Guid> Seen)> ListenToWallAsync(HubConnection hub)
    {
        var seen = Channel.CreateUnbounded<Guid>();
        hub.On<List<AgentWallRow>>(AgentWallFeed.AgentsMessage,
            rows => rows.ForEach(r => seen.Writer.TryWrite(r.AgentId)));
        await hub.StartAsync();
        return (hub, seen);
    }

    static async Task<(HubConnection Hub, Channel<Guid> Seen)> ListenAsync(HubConnection hub)
    {
        var seen = Channel.CreateUnbounded<Guid>();
        hub.On<CampaignFigures>(DashboardHub.CampaignMessage, f => seen.Writer.TryWrite(f.CampaignId));
        await hub.StartAsync();
        return (hub, seen);
    }

    /// <summary>Every campaign pushed until <paramref name="campaign"/> came.</summary>
    static async Task<List<Guid>> WaitForAsync(Channel<Guid> seen, Guid campaign)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var got = new List<Guid>();
        do got.Add(await seen.Reader.ReadAsync(wait.Token));
        while (got[^1] != campaign);
        return got;
    }

    static List<Guid> Drain(Channel<Guid> seen)
    {
        var all = new List<Guid>();
        while (seen.Reader.TryRead(out var id)) all.Add(id);
        return all;
    }
}
