using Dialer.Core.Agents;
using Dialer.Core.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Agents;

public sealed class AgentsThatWrapUpByThemselves : AgentsWorld
{
    protected override IDictionary<string, string?> WorkerSettings() =>
        new Dictionary<string, string?>(base.WorkerSettings())
        {
            ["Agents:AutoWrapUpSeconds"] = "1",
        };
}

/// <summary>The demo's set-up: simulated agents answer in the simulator, and the healer wraps their calls up for
/// them.</summary>
public sealed class SimulatedAgentTests(AgentsThatWrapUpByThemselves world)
    : IClassFixture<AgentsThatWrapUpByThemselves>
{
    [Fact]
    public async Task A_simulated_agent_takes_a_call_wraps_up_by_itself_and_takes_the_next()
    {
        var (campaign, _) = await world.RunningCampaignAsync(2);
        var agent = await world.AvailableAgentAsync([campaign.Id]);

        var first = Assert.Single(await world.DialAsync(campaign, 1));
        await world.WaitForAttemptsAsync([first.Id], a => a.IsFinal && a.Disposition is not null);
        await world.WaitForAgentAsync(agent.Id, a => a.State == AgentState.Available);
        var second = Assert.Single(await world.DialAsync(campaign, 1));
        var done = Assert.Single(
            await world.WaitForAttemptsAsync([second.Id], a => a.IsFinal && a.Disposition is not null));

        Assert.Equal(agent.Id, done.AgentId);
        Assert.Contains(done.Disposition, new CampaignSettings().Dispositions);
        Assert.Equal(
            [AgentState.Reserved, AgentState.OnCall, AgentState.WrapUp, AgentState.Available, AgentState.Reserved,
                AgentState.OnCall, AgentState.WrapUp, AgentState.Available],
            (await world.MovesOfAsync(agent.Id)).Select(m => m.To).SkipWhile(to => to != AgentState.Reserved));
    }

    [Fact]
    public async Task A_simulated_agents_sale_counts_as_a_conversion_like_a_real_agents()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1,
            s => s with { Dispositions = ["sale", "do-not-call"], ConversionDispositions = ["sale"] });
        await world.AvailableAgentAsync([campaign.Id]);

        var call = Assert.Single(await world.DialAsync(campaign, 1));
        var done = Assert.Single(
            await world.WaitForAttemptsAsync([call.Id], a => a.IsFinal && a.Disposition is not null));

        Assert.Equal(("sale", true), (done.Disposition, done.Converted));
        await using var db = world.Db();
        // what the campaign summary counts
        Assert.Equal("sale", (await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contacts[0].Id)).Disposition);
    }
}
