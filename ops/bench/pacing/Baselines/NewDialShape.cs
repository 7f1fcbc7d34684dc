using Dialer.Core.Pacing.Simulation;

namespace Dialer.Bench.Pacing.Baselines;

/// <summary>
/// The oracle's knowledge of a dial not yet placed: typical (live, deadline) delays of the calls that will
/// be passed on as live, from the scenario's own distributions, each with its weight and the share of live
/// calls that turn live sooner.
/// </summary>
sealed class NewDialShape
{
    public sealed record Point(double Live, double Deadline, double Weight, double ShareEarlier);

    const int PerKind = 16;
    readonly Scenario scenario;
    readonly double[] humanLive, humanDeadline, machineLive, machineDeadline;
    readonly Dictionary<double, Point[]> byRate = [];

    NewDialShape(Scenario scenario)
    {
        this.scenario = scenario;
        var rng = new Random(12345);
        (humanLive, humanDeadline) = Sample(rng, human: true);
        (machineLive, machineDeadline) = Sample(rng, human: false);
    }

    public static NewDialShape For(Scenario scenario) => new(scenario);

    public Point[] Points { get; private set; } = [];

    public double LiveRate(double humanRate)
    {
        var amd = scenario.Amd;
        var human = humanRate * (amd is null ? 1 : 1 - amd.FalsePositive);
        var machine = scenario.MachineRate * (amd is null ? 1 : amd.FalseNegative);
        var key = Math.Round(humanRate, 3);
        if (!byRate.TryGetValue(key, out var points))
            byRate[key] = points = Build(human / (human + machine));
        Points = points;
        return human + machine;
    }

    Point[] Build(double humanShare)
    {
        var all = humanLive.Select((l, i) => (Live: l, Deadline: humanDeadline[i], Weight: humanShare / PerKind))
            .Concat(machineLive.Select((l, i) => (Live: l, Deadline: machineDeadline[i], Weight: (1 - humanShare) / PerKind)))
            .OrderBy(p => p.Live).ToArray();
        var points = new Point[all.Length];
        double sooner = 0;
        for (var i = 0; i < all.Length; i++)
        {
            points[i] = new Point(all[i].Live, all[i].Deadline, all[i].Weight, sooner + all[i].Weight / 2);
            sooner += all[i].Weight;
        }
        return points;
    }

    (double[] Live, double[] Deadline) Sample(Random rng, bool human)
    {
        var draws = Enumerable.Range(0, 4000).Select(_ =>
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            var ring = human
                ? Math.Clamp(Math.Exp(Math.Log(9) - Math.Log(1.25) / 2 + Math.Sqrt(Math.Log(1.25)) * normal), 2, 25)
                : Math.Clamp(20 + 3 * normal, 10, 25);
            var range = scenario.Amd is null ? null : human ? scenario.Amd.HumanVerdictS : scenario.Amd.MachineVerdictS;
            var verdict = range is null ? 0 : range[0] + (range[1] - range[0]) * rng.NextDouble();
            return (Live: ring + verdict, Deadline: ring + scenario.HoldS);
        }).OrderBy(d => d.Live).ToArray();
        var picked = Enumerable.Range(0, PerKind).Select(i => draws[(int)((i + 0.5) * draws.Length / PerKind)]).ToArray();
        return (picked.Select(p => p.Live).ToArray(), picked.Select(p => p.Deadline).ToArray());
    }
}
