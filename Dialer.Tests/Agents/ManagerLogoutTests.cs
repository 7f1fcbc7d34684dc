using Dialer.Core.Agents;

namespace Dialer.Tests.Agents;

/// <summary>A manager's logout on the agent itself: never while a customer is on the line, always as soon as none
/// is.</summary>
public class ManagerLogoutTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    static Agent In(AgentState state) => new()
    {
        Id = Guid.NewGuid(), State = state, StateSince = Now.AddMinutes(-1),
        CurrentAttemptId = state is AgentState.Reserved or AgentState.OnCall or AgentState.WrapUp ? Guid.NewGuid()
            : null,
        CampaignIds = [Guid.NewGuid()], BreakReason = state == AgentState.Break ? "lunch" : null,
    };

    [Theory]
    [InlineData(AgentState.Available)]
    [InlineData(AgentState.Break)]
    public void A_free_agent_goes_offline_at_once_saying_who_and_why(AgentState state)
    {
        var agent = In(state);

        Assert.True(agent.RequestLogout("Mia", "end of shift", Now));

        var move = Assert.Single(agent.TakeMoves());
        Assert.Equal((state, AgentState.Offline, "logged out by Mia: end of shift", "Mia"),
            (move.From, move.To, move.Reason, move.ChangedBy));
        Assert.Equal(AgentState.Offline, agent.State);
        Assert.Null(agent.LogoutRequestedAt);
        Assert.Empty(agent.CampaignIds);
    }

    [Fact]
    public void An_agent_on_a_call_stays_on_it_and_goes_offline_when_the_wrap_up_ends()
    {
        var agent = In(AgentState.OnCall);
        var call = agent.CurrentAttemptId!.Value;

        Assert.False(agent.RequestLogout("Mia", null, Now));
        Assert.Empty(agent.TakeMoves());
        Assert.True(agent.CallEnded(call, Now.AddSeconds(5)));
        Assert.Equal(AgentState.WrapUp, agent.State);
        Assert.True(agent.FinishWrapUp(call, "disposition set", Now.AddSeconds(20)));

        Assert.Equal(AgentState.Offline, agent.State);
        var last = agent.TakeMoves().Last();
        Assert.Equal((AgentState.WrapUp, AgentState.Offline, "disposition set; then logged out by Mia", "Mia"),
            (last.From, last.To, last.Reason, last.ChangedBy));
        Assert.Null(agent.LogoutRequestedAt);
        Assert.Null(agent.CurrentAttemptId);
    }

    [Fact]
    public void A_reserved_agent_whose_customer_hung_up_or_whose_customer_never_reached_the_room_goes_offline_not_back_to_work()
    {
        var hungUp = In(AgentState.Reserved);
        hungUp.RequestLogout("Mia", null, Now);
        hungUp.CallEnded(hungUp.CurrentAttemptId!.Value, Now);

        var rangOut = In(AgentState.Reserved);
        rangOut.RequestLogout("Mia", null, Now);
        rangOut.RoomEmpty(rangOut.CurrentAttemptId!.Value, Now);

        Assert.Equal((AgentState.Offline, null), (hungUp.State, hungUp.BreakReason));
        Assert.Equal((AgentState.Offline, null), (rangOut.State, rangOut.BreakReason));
    }

    [Fact]
    public void The_healer_freeing_an_agent_with_a_pending_logout_logs_them_out()
    {
        var agent = In(AgentState.WrapUp);
        agent.RequestLogout("Mia", "sick", Now);

        agent.Heal(AgentState.Available, "wrap-up time ran out; disposition missing", Now);

        Assert.Equal(AgentState.Offline, agent.State);
        Assert.Contains("then logged out by Mia: sick", agent.TakeMoves().Single().Reason);
    }
}
