using Dialer.Core.Agents;
using Dialer.Core.Campaigns;

namespace Dialer.Tests.Agents;

/// <summary>Every self-healing case, on the pure decision.</summary>
public class AgentHealingTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);
    static readonly HealingRules Rules = new(TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(60), null);
    static readonly CampaignSettings Settings = new() { MaxWrapUpSeconds = 120 };
    static readonly CallFacts Live = new(true, false, false, null);

    static Agent In(AgentState state, double secondsAgo, DateTimeOffset? consoleGone = null) => new()
    {
        Id = Guid.NewGuid(), State = state, StateSince = Now.AddSeconds(-secondsAgo), CurrentAttemptId = Guid.NewGuid(),
        ConsoleDisconnectedAt = consoleGone,
    };

    [Fact]
    public void A_reservation_that_never_connected_is_released_after_the_timeout_and_not_before()
    {
        Assert.Null(AgentHealing.Decide(In(AgentState.Reserved, 30), Live, Settings, Rules, Now));
        Assert.Equal(AgentState.Available,
            AgentHealing.Decide(In(AgentState.Reserved, 50), Live, Settings, Rules, Now)?.To);
        Assert.Null(
            AgentHealing.Decide(In(AgentState.Reserved, 50), Live with { Connected = true }, Settings, Rules, Now));
    }

    [Fact]
    public void A_reservation_whose_call_ended_is_released_at_once()
    {
        Assert.Equal(AgentState.Available,
            AgentHealing.Decide(In(AgentState.Reserved, 1), Live with { Ended = true }, Settings, Rules, Now)?.To);
        Assert.Equal(AgentState.Available,
            AgentHealing.Decide(In(AgentState.Reserved, 1), default, Settings, Rules, Now)?.To);
    }

    [Fact]
    public void An_agent_on_a_call_that_ended_goes_to_wrap_up()
    {
        Assert.Null(AgentHealing.Decide(In(AgentState.OnCall, 600), Live, Settings, Rules, Now));
        Assert.Equal(AgentState.WrapUp,
            AgentHealing.Decide(In(AgentState.OnCall, 1), Live with { Ended = true }, Settings, Rules, Now)?.To);
    }

    [Fact]
    public void Wrap_up_ends_with_the_disposition_or_when_the_campaign_s_limit_runs_out_marked_missing()
    {
        var ended = Live with { Ended = true };
        Assert.Null(AgentHealing.Decide(In(AgentState.WrapUp, 100), ended, Settings, Rules, Now));
        Assert.Equal(new Healing(AgentState.Available, "disposition set"),
            AgentHealing.Decide(In(AgentState.WrapUp, 1), ended with { Disposition = "sale" }, Settings, Rules, Now));
        var timedOut = AgentHealing.Decide(In(AgentState.WrapUp, 121), ended, Settings, Rules, Now);
        Assert.Equal((AgentState.Available, Dispositions.Missing), (timedOut?.To, timedOut?.Disposition));
    }

    [Fact]
    public void Simulated_agents_wrap_up_by_themselves_with_one_of_the_campaign_s_plain_dispositions()
    {
        var healing = AgentHealing.Decide(In(AgentState.WrapUp, 3), Live with { Ended = true }, Settings,
            Rules with { AutoWrapUp = TimeSpan.FromSeconds(2) }, Now);
        Assert.Equal(AgentState.Available, healing?.To);
        Assert.Contains(healing!.Disposition, new[] { "sale", "no-sale" });
    }

    [Fact]
    public void An_agent_whose_console_is_gone_past_the_grace_is_logged_out_but_never_during_a_call()
    {
        Assert.Null(AgentHealing.Decide(In(AgentState.Available, 600, Now.AddSeconds(-30)), default, null, Rules, Now));
        Assert.Equal(AgentState.Offline,
            AgentHealing.Decide(In(AgentState.Available, 600, Now.AddSeconds(-61)), default, null, Rules, Now)?.To);
        Assert.Equal(AgentState.Offline,
            AgentHealing.Decide(In(AgentState.Break, 600, Now.AddSeconds(-61)), default, null, Rules, Now)?.To);
        Assert.Null(AgentHealing.Decide(In(AgentState.OnCall, 5, Now.AddSeconds(-61)), Live, Settings, Rules, Now));
        Assert.Equal(AgentState.Offline,
            AgentHealing.Decide(In(AgentState.WrapUp, 5, Now.AddSeconds(-61)), Live with { Ended = true }, Settings,
                Rules, Now)?.To);
    }
}
