namespace Dialer.Core.Pacing.Simulation;

public sealed partial class CallSimulator
{
    void Dial()
    {
        // the same number of draws for every call keeps the stream aligned whatever the outcome
        var kindDraw = callRandom.NextDouble();
        var normal = Draw.StandardNormal(callRandom);
        var uniform = callRandom.NextDouble();
        var verdictDraw = callRandom.NextDouble();
        var misclassifyDraw = callRandom.NextDouble();

        var human = scenario.HumanRateAt(now);
        var kind = kindDraw < human ? CallKind.Human
            : kindDraw < human + scenario.MachineRate ? CallKind.Machine
            : kindDraw < human + scenario.MachineRate + scenario.FailRate ? CallKind.Failed
            : CallKind.NoAnswer;
        var ring = kind switch
        {
            CallKind.Human => Math.Clamp(Draw.Lognormal(9, 0.5, normal), 2, 25),
            CallKind.Machine => Math.Clamp(20 + 3 * normal, 10, 25),
            CallKind.Failed => 2 + 4 * uniform,
            _ => Math.Max(15, scenario.NoAnswerTimeoutS),
        };
        var (verdict, live) = (scenario.Amd, kind) switch
        {
            (null, _) => (0.0, kind is CallKind.Human or CallKind.Machine),
            ({ } amd, CallKind.Human) => (Lerp(amd.HumanVerdictS, verdictDraw), misclassifyDraw >= amd.FalsePositive),
            ({ } amd, CallKind.Machine) =>
                (Lerp(amd.MachineVerdictS, verdictDraw), misclassifyDraw < amd.FalseNegative),
            _ => (0.0, false),
        };
        var call = new SimCall
        {
            DialedAt = now, Kind = kind, RingSeconds = ring, VerdictSeconds = verdict, ClassifiedLive = live
        };
        inFlight.Add(call);
        metrics.Dialed(now);
        LinesChanged(+1);
        Schedule(now + ring, new SimEvent(EventKind.RingEnd, call));
    }

    static double Lerp(double[] range, double u) => range[0] + (range[1] - range[0]) * u;

    void RingEnded(SimCall call)
    {
        if (call.Kind is CallKind.Failed or CallKind.NoAnswer)
        {
            Resolve(call, call.Kind == CallKind.Failed ? DialResolution.Failed : DialResolution.NoAnswer);
            return;
        }
        call.AnsweredAt = now;
        if (call.Kind == CallKind.Human) call.AnswerIndex = metrics.HumanAnswered(now);
        if (scenario.Amd is null) PassLive(call);
        else
        {
            call.Phase = CallPhase.Classifying;
            Schedule(now + call.VerdictSeconds, new SimEvent(EventKind.Verdict, call));
        }
    }

    void Classified(SimCall call)
    {
        if (call.ClassifiedLive) { PassLive(call); return; }
        ledgerMachineVerdicts++;
        if (call.Kind == CallKind.Human) metrics.HumanAbandoned(call.AnswerIndex); // a person AMD hung up on
        Resolve(call, DialResolution.MachineVerdict);
    }

    void Resolve(SimCall call, DialResolution resolution)
    {
        inFlight.Remove(call);
        call.Phase = CallPhase.Ended;
        LinesChanged(-1);
        Observe(new DialResolved(now, resolution, now - call.DialedAt));
    }

    void PassLive(SimCall call)
    {
        inFlight.Remove(call);
        Observe(new DialResolved(now, DialResolution.Live, now - call.DialedAt, now - call.AnsweredAt));
        if (LongestIdle() is { } agent) { Connect(call, agent); return; }
        var deadline = call.AnsweredAt + scenario.HoldS;
        if (now >= deadline) { Drop(call); return; }
        call.Phase = CallPhase.Waiting;
        waiting.Add(call);
        Schedule(deadline, new SimEvent(EventKind.HoldExpired, call));
    }

    void HoldExpired(SimCall call)
    {
        if (call.Phase != CallPhase.Waiting) return;
        waiting.Remove(call);
        Drop(call);
    }

    // The safe-harbour message: an abandon to the ledger, whatever answered (the dialer cannot tell).
    void Drop(SimCall call)
    {
        call.Phase = CallPhase.Ended;
        LinesChanged(-1);
        ledgerDropped++;
        if (call.Kind == CallKind.Human) metrics.HumanAbandoned(call.AnswerIndex);
    }

    SimAgent? LongestIdle()
    {
        SimAgent? best = null;
        foreach (var a in agents)
            if (a.Activity == AgentActivity.Idle && (best is null || a.StateSince < best.StateSince)) best = a;
        return best;
    }
}
