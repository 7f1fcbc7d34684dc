using Dialer.Core.Agents;
using Dialer.Core.Campaigns;
using Dialer.Core.Dialing;
using Dialer.Core.Figures;

namespace Dialer.Tests.Agents;

public sealed class MachineHandlingTests(MachinesAndAgents world) : IClassFixture<MachinesAndAgents>
{
    [Fact]
    public async Task A_machine_gets_the_voicemail_drop_after_the_beep_and_no_agent()
    {
        const string message = "Hello from Acme, please call us back on 555 0100.";
        var (campaign, contacts) = await world.RunningCampaignAsync(1,
            s => s with { MachineHandling = MachineHandling.VoicemailDrop, VoicemailMessage = message });
        var agent = await world.AvailableAgentAsync([campaign.Id]);

        var attempt = Assert.Single(await world.DialAsync(campaign, 1));
        var done = Assert.Single(await world.WaitForAttemptsAsync([attempt.Id], a => a.IsFinal));

        Assert.Equal("machine_end_beep", done.AnsweredBy);
        Assert.False(done.LiveAnswer);
        Assert.Null(done.AgentId);
        Assert.Contains($"Say ({message.Length} chars)",
            Assert.Single(world.Simulator.Calls.Snapshot(contacts[0].Phone)).Trail);
        Assert.Equal(AgentState.Available, (await world.AgentAsync(agent.Id)).State);
    }

    [Fact]
    public async Task A_machine_is_hung_up_on_when_the_campaign_says_so()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1,
            s => s with { MachineHandling = MachineHandling.HangUp });
        var agent = await world.AvailableAgentAsync([campaign.Id]);

        var attempt = Assert.Single(await world.DialAsync(campaign, 1));
        var done = Assert.Single(await world.WaitForAttemptsAsync([attempt.Id], a => a.IsFinal));

        Assert.True(MachineVerdict.Is(done.AnsweredBy));
        Assert.False(done.LiveAnswer);
        Assert.DoesNotContain(Assert.Single(world.Simulator.Calls.Snapshot(contacts[0].Phone)).Trail,
            t => t.StartsWith("Say") || t.StartsWith("Dial"));
        Assert.Equal(AgentState.Available, (await world.AgentAsync(agent.Id)).State);
    }

    [Fact]
    public async Task A_machine_goes_to_an_agent_when_the_campaign_connects_anyway()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1,
            s => s with { MachineHandling = MachineHandling.ConnectAnyway });
        var agent = await world.AvailableAgentAsync([campaign.Id]);

        var attempt = Assert.Single(await world.DialAsync(campaign, 1));
        var done = Assert.Single(await world.WaitForAttemptsAsync([attempt.Id], a => a.IsFinal));

        Assert.True(MachineVerdict.Is(done.AnsweredBy));
        Assert.True(done.LiveAnswer);
        Assert.Equal(agent.Id, done.AgentId);
        Assert.Equal(agent.ClientIdentity, Assert.Single(world.Simulator.Calls.Snapshot(contacts[0].Phone)).Agent);
    }

    [Fact]
    public async Task With_asynchronous_detection_the_call_is_bridged_at_once_and_a_late_machine_verdict_is_only_recorded()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1,
            s => s with { MachineHandling = MachineHandling.HangUp, AsyncMachineDetection = true });
        var agent = await world.AvailableAgentAsync([campaign.Id]);

        var attempt = Assert.Single(await world.DialAsync(campaign, 1));
        var done = Assert.Single(
            await world.WaitForAttemptsAsync([attempt.Id], a => a.IsFinal && MachineVerdict.Is(a.AnsweredBy)));

        Assert.True(done.LiveAnswer);
        Assert.Equal(agent.Id, done.AgentId);
        Assert.NotNull(done.BridgedAt);
        var call = Assert.Single(world.Simulator.Calls.Snapshot(contacts[0].Phone));
        Assert.Equal(agent.ClientIdentity, call.Agent);
        Assert.Contains(call.Trail, t => t.StartsWith("Dial ended completed"));
    }
}
