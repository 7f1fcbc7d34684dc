using Dialer.Core.Agents;
using Dialer.Core.Agents.Lines;

namespace Dialer.Tests.Agents;

/// <summary>The agent's line, pure: the rule routing trusts (Available means an open line) over many generated
/// days.</summary>
public sealed class AgentLineRulesTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_agent_who_picks_up_before_the_creates_answer_returns_still_gets_an_open_line()
    {
        var agent = new Agent { Id = Guid.NewGuid(), State = AgentState.Offline };
        var request = Guid.NewGuid();
        Assert.Null(agent.TryLogIn([Guid.NewGuid()], Now));
        Assert.Null(agent.TryRequestLine(LineKind.Phone, "+12025550101", request, Now));

        Assert.True(agent.LineOpened("CA1", Now)); // the room's join first
        // then the create's answer: the same line, not a stranger to hang up
        Assert.True(agent.LinePlaced(request, "CA1"));

        Assert.Equal((LineState.Open, AgentState.Available, "CA1"), (agent.LineState, agent.State, agent.LineCallSid));
    }

    [Fact]
    public void Over_many_generated_shifts_an_available_agent_always_has_an_open_line()
    {
        var random = new Random(2026);
        for (var shift = 0; shift < 2000; shift++)
        {
            var agent = new Agent { Id = Guid.NewGuid(), State = AgentState.Offline };
            var at = Now;
            Guid? request = null;
            string? sid = null;
            for (var step = 0; step < 40; step++)
            {
                at = at.AddSeconds(random.Next(1, 30));
                var attempt = agent.CurrentAttemptId ?? Guid.NewGuid();
                switch (random.Next(12))
                {
                    case 0: agent.TryLogIn([Guid.NewGuid()], at); break;
                    case 1: agent.TryGoAvailable(at); break;
                    case 2: agent.TryBreak("coffee", at); break;
                    case 3: agent.TryLogOut(at); break;
                    case 4:
                        request = Guid.NewGuid(); agent.TryRequestLine(LineKind.Browser, null, request.Value, at);
                        break;
                    case 5: sid = "CA" + step; if (request is { } r) agent.LinePlaced(r, sid); break;
                    case 6: if (sid is not null) agent.LineOpened(sid, at); break;
                    case 7: agent.LineDropped(random.Next(2) == 0 ? sid : null, "the line was hung up", at); break;
                    case 8:
                        if (agent.State == AgentState.Available) // the router's SQL
                        {
                            agent.CurrentAttemptId = attempt;
                            agent.State = AgentState.Reserved;
                        }
                        break;
                    case 9: agent.Connected(attempt, at); break;
                    case 10: agent.CallEnded(attempt, at); agent.RoomEmpty(attempt, at); break;
                    case 11: agent.FinishWrapUp(attempt, "disposition set", at); break;
                }
                Assert.True(agent.State != AgentState.Available || agent.LineState == LineState.Open,
                    $"shift {shift} step {step}: Available with the line {agent.LineState}");
                Assert.True(agent.State != AgentState.Break || agent.BreakReason is not null
                    || agent.LineState == LineState.Open,
                    $"shift {shift} step {step}: a break without a reason");
            }
        }
    }
}
