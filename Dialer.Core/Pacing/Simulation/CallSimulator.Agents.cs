namespace Dialer.Core.Pacing.Simulation;

public sealed partial class CallSimulator
{
    void Connect(SimCall call, SimAgent agent)
    {
        var human = call.Kind == CallKind.Human;
        metrics.Connected(now, agent.StateSince, human);
        call.Phase = CallPhase.Connected;
        agent.Call = call;
        agent.StateSince = now;
        // drawn for every connect, person or machine, to keep the stream aligned
        var talk = Draw.Lognormal(agentRandom, scenario.TalkS);
        var wrap = Draw.Lognormal(agentRandom, scenario.WrapS);
        if (human)
        {
            ledgerConnected++;
            agent.Activity = AgentActivity.Talking;
            agent.PendingWrapSeconds = wrap;
            agent.FreeAt = now + talk + wrap;
            Schedule(now + talk, new SimEvent(EventKind.AgentStepEnd, Agent: agent));
        }
        else
        {
            agent.Activity = AgentActivity.HandlingMachine;
            agent.InMachineWrap = false;
            agent.FreeAt = now + scenario.MachineHandlingS + scenario.MachineWrapS;
            Schedule(now + scenario.MachineHandlingS, new SimEvent(EventKind.AgentStepEnd, Agent: agent));
        }
    }

    void StepEnded(SimAgent agent)
    {
        var seconds = now - agent.StateSince;
        switch (agent.Activity)
        {
            case AgentActivity.Talking:
                HangUp(agent);
                metrics.Worked(agent.StateSince, now, talking: true);
                Observe(new AgentWorkEnded(now, AgentActivity.Talking, seconds));
                agent.Activity = AgentActivity.WrapUp;
                agent.StateSince = now;
                Schedule(now + agent.PendingWrapSeconds, new SimEvent(EventKind.AgentStepEnd, Agent: agent));
                break;
            case AgentActivity.HandlingMachine when !agent.InMachineWrap:
                HangUp(agent);
                agent.InMachineWrap = true;
                Schedule(now + scenario.MachineWrapS, new SimEvent(EventKind.AgentStepEnd, Agent: agent));
                break;
            default:
                metrics.Worked(agent.StateSince, now, talking: false);
                Observe(new AgentWorkEnded(now, agent.Activity, seconds));
                BecomeIdle(agent);
                break;
        }
    }

    void HangUp(SimAgent agent)
    {
        agent.Call!.Phase = CallPhase.Ended;
        agent.Call = null;
        LinesChanged(-1);
    }

    void BecomeIdle(SimAgent agent)
    {
        if (pendingLeaves > 0)
        {
            pendingLeaves--;
            agents.Remove(agent);
            metrics.AgentsLoggedIn(now, agents.Count);
            return;
        }
        agent.Activity = AgentActivity.Idle;
        agent.StateSince = now;
        if (waiting.Count > 0)
        {
            var call = waiting[0];
            waiting.RemoveAt(0);
            Connect(call, agent);
            return;
        }
        AskPacer();
    }

    void LogIn(int count)
    {
        for (var i = 0; i < count; i++) agents.Add(new SimAgent { StateSince = now, FreeAt = now });
        metrics.AgentsLoggedIn(now, agents.Count);
    }

    // Fewer agents: idle ones leave first, longest idle first; the rest as their work ends.
    void Reschedule(int count)
    {
        var present = agents.Count - pendingLeaves;
        if (count > present)
        {
            var back = Math.Min(pendingLeaves, count - present);
            pendingLeaves -= back;
            LogIn(count - present - back);
            AskPacer();
            return;
        }
        var leaving = present - count;
        foreach (var idle in agents.Where(a => a.Activity == AgentActivity.Idle).OrderBy(a => a.StateSince)
            .Take(leaving).ToList())
        {
            agents.Remove(idle);
            leaving--;
        }
        pendingLeaves += leaving;
        metrics.AgentsLoggedIn(now, agents.Count);
    }
}
