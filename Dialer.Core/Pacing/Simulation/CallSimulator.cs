namespace Dialer.Core.Pacing.Simulation;

/// <summary>
/// The discrete-event world of MODEL.md: one campaign, one seed. The pacer is asked once a second and
/// whenever an agent becomes idle; it sees only what a real dialer sees (outcomes as they become known),
/// unless it is the clairvoyant oracle. Same scenario, pacer and seed: same figures.
/// </summary>
public sealed partial class CallSimulator
{
    enum EventKind { Tick, RingEnd, Verdict, HoldExpired, AgentStepEnd, AgentSchedule }

    readonly record struct SimEvent(EventKind Kind, SimCall? Call = null, SimAgent? Agent = null, int Count = 0);

    readonly Scenario scenario;
    readonly IPacer? pacer;
    readonly IClairvoyantPacer? oracle;
    readonly IOutcomeObserver? observer;
    readonly PacingSettings settings;
    readonly Random callRandom, agentRandom;
    readonly PriorityQueue<SimEvent, (double, long)> events = new();
    readonly List<SimAgent> agents = [];
    readonly List<SimCall> inFlight = [];
    readonly List<SimCall> waiting = [];
    readonly SimulationMetrics metrics;
    readonly double end;
    long sequence;
    double now;
    int linesInUse, pendingLeaves;
    int ledgerConnected, ledgerDropped, ledgerMachineVerdicts;

    public CallSimulator(Scenario scenario, object policy, int seed, PacingSettings? settings = null,
        double? hours = null)
    {
        this.scenario = scenario;
        pacer = policy as IPacer;
        oracle = policy as IClairvoyantPacer;
        if (pacer is null && oracle is null)
            throw new ArgumentException("policy must be an IPacer or an IClairvoyantPacer", nameof(policy));
        observer = policy as IOutcomeObserver;
        this.settings = settings ?? scenario.Settings(DialingMode.Predictive);
        // separate streams so that every policy meets the same calls in the order it dials them
        callRandom = new Random(unchecked(seed * 7919 + 1));
        agentRandom = new Random(unchecked(seed * 7919 + 2));
        end = scenario.WarmupS + 3600 * (hours ?? scenario.Hours);
        metrics = new SimulationMetrics(scenario.WarmupS, end);
    }

    public SeedResult Run()
    {
        LogIn(scenario.Agents);
        foreach (var point in scenario.AgentSchedule ?? [])
            Schedule(point[0], new SimEvent(EventKind.AgentSchedule, Count: (int)point[1]));
        Schedule(0, new SimEvent(EventKind.Tick));
        while (events.TryDequeue(out var e, out var key) && key.Item1 <= end)
        {
            now = key.Item1;
            Handle(e);
        }
        now = end;
        foreach (var agent in agents.Where(a => a.Activity != AgentActivity.Idle))
            metrics.Worked(agent.StateSince, end, agent.Activity == AgentActivity.Talking);
        return metrics.Finish();
    }

    void Handle(SimEvent e)
    {
        switch (e.Kind)
        {
            case EventKind.Tick:
                AskPacer();
                Schedule(now + 1, e);
                break;
            case EventKind.RingEnd: RingEnded(e.Call!); break;
            case EventKind.Verdict: Classified(e.Call!); break;
            case EventKind.HoldExpired: HoldExpired(e.Call!); break;
            case EventKind.AgentStepEnd: StepEnded(e.Agent!); break;
            case EventKind.AgentSchedule: Reschedule(e.Count); break;
        }
    }

    void Schedule(double at, SimEvent e) => events.Enqueue(e, (at, sequence++));

    void Observe(PacingObservation o) => observer?.Observe(o);

    void AskPacer()
    {
        var snapshot = Snapshot();
        var wanted = oracle is not null ? oracle.LinesToOpen(snapshot, Truth()) : pacer!.LinesToOpen(snapshot);
        for (var i = 0; i < wanted; i++)
        {
            if (scenario.Trunks is { } trunks && linesInUse >= trunks) break; // refused by the trunk
            Dial();
        }
    }

    PacingSnapshot Snapshot() => new(
        now,
        agents.Select(a => new AgentView(a.Activity, now - a.StateSince)).ToArray(),
        inFlight.Select(c => now - c.DialedAt).ToArray(),
        waiting.Select(c => now - c.LiveAt).ToArray(),
        new AbandonBudget(ledgerConnected, ledgerDropped, ledgerMachineVerdicts),
        settings);

    WorldTruth Truth()
    {
        var free = agents.Select(a => a.Activity == AgentActivity.Idle ? now : a.FreeAt).Order().ToList();
        if (pendingLeaves > 0)
            free.RemoveRange(free.Count - Math.Min(pendingLeaves, free.Count), Math.Min(pendingLeaves, free.Count));
        var pending = waiting.Concat(inFlight.Where(c => c.ClassifiedLive))
            .Select(c => new PendingLive(c.LiveAt, c.DialedAt + c.RingSeconds + scenario.HoldS,
                c.Kind == CallKind.Machine))
            .ToArray();
        return new WorldTruth(now, free, pending);
    }

    void LinesChanged(int delta)
    {
        linesInUse += delta;
        metrics.LinesInUse(now, linesInUse);
    }
}
