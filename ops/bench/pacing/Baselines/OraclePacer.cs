using Dialer.Core.Pacing;
using Dialer.Core.Pacing.Simulation;

namespace Dialer.Bench.Pacing.Baselines;

/// <summary>
/// MODEL.md's oracle: knows each busy agent's exact free time and each dialed call's fate and live time.
/// It serves the known live calls first-come first-served on the known free times, then opens a new line
/// while the chance that it turns live and finds no agent left by its deadline stays under
/// <paramref name="threshold"/> (tuned in hindsight). The new line's own fate is unknown until dialed:
/// it uses the scenario's distributions.
/// </summary>
sealed class OraclePacer(Scenario scenario, double threshold) : IClairvoyantPacer
{
    readonly NewDialShape shape = NewDialShape.For(scenario);

    public int LinesToOpen(PacingSnapshot snapshot, WorldTruth truth)
    {
        var now = truth.Now;
        var free = truth.AgentFreeTimes.ToList(); // sorted
        foreach (var call in truth.PendingLive.OrderBy(c => c.LiveAt))
        {
            var i = free.FindIndex(f => f <= call.Deadline);
            if (i < 0) continue; // abandoned: takes nobody
            var takenAt = Math.Max(free[i], call.LiveAt);
            free.RemoveAt(i);
            if (call.IsMachine) Insert(free, takenAt + scenario.MachineHandlingS + scenario.MachineWrapS);
        }

        var liveRate = shape.LiveRate(scenario.HumanRateAt(now));
        var room = LineLimits.MaxLines(snapshot) - snapshot.LinesInUse;
        var agentsLeft = shape.Points.Select(p => UpperBound(free, now + p.Deadline)).ToArray();
        var lines = 0;
        while (lines < room && Risk(agentsLeft, lines, liveRate) <= threshold) lines++;
        return LineLimits.Clamp(snapshot, Math.Max(lines, ProgressivePacer.Uncovered(snapshot)));
    }

    double Risk(int[] agentsLeft, int earlier, double liveRate)
    {
        double risk = 0;
        for (var i = 0; i < agentsLeft.Length; i++)
        {
            var point = shape.Points[i];
            risk += point.Weight * BinomialAtLeast(earlier, liveRate * point.ShareEarlier, agentsLeft[i]);
        }
        return risk;
    }

    static int UpperBound(List<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] <= value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    static double BinomialAtLeast(int n, double p, int k)
    {
        if (k <= 0) return 1;
        if (k > n) return 0;
        double below = 0, term = Math.Pow(1 - p, n);
        for (var i = 0; i < k; i++)
        {
            below += term;
            term *= (double)(n - i) / (i + 1) * p / Math.Max(1 - p, 1e-12);
        }
        return Math.Clamp(1 - below, 0, 1);
    }

    static void Insert(List<double> sorted, double value)
    {
        var i = sorted.BinarySearch(value);
        sorted.Insert(i < 0 ? ~i : i, value);
    }
}
