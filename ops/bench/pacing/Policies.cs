using Dialer.Bench.Pacing.Baselines;
using Dialer.Core.Pacing;
using Dialer.Core.Pacing.Predictive;
using Dialer.Core.Pacing.Simulation;

namespace Dialer.Bench.Pacing;

/// <summary>One benchmarked policy's seeds; <paramref name="Tuning"/> names a hindsight-tuned parameter.</summary>
sealed record PolicyResult(string Name, SeedResult[] Seeds, string? Tuning = null);

/// <summary>The policies the benchmark knows, by the names the issue gives them.</summary>
static class Policies
{
    public static readonly string[] Names = ["predictive", "progressive", "power2", "power3", "best-fixed", "vicidial", "oracle"];

    public static PolicyResult Run(string name, Scenario s, int seeds, double hours) => name switch
    {
        "predictive" => Plain(name, s, seeds, hours, () => new PredictivePacer(), DialingMode.Predictive),
        "progressive" => Plain(name, s, seeds, hours, () => new ProgressivePacer(), DialingMode.Progressive),
        "power2" => Plain(name, s, seeds, hours, () => new PowerPacer(2), DialingMode.Power),
        "power3" => Plain(name, s, seeds, hours, () => new PowerPacer(3), DialingMode.Power),
        "vicidial" => Plain(name, s, seeds, hours, () => new VicidialAdaptivePacer(), DialingMode.Predictive),
        "best-fixed" => BestFixed(s, seeds, hours),
        "oracle" => Oracle(s, seeds, hours),
        _ => throw new ArgumentException($"unknown policy '{name}'; known: {string.Join(", ", Names)}"),
    };

    // Baselines run without the production ceiling; the predictive pacer with the campaign defaults.
    static PolicyResult Plain(string name, Scenario s, int seeds, double hours, Func<object> create, DialingMode mode) =>
        new(name, SeedRuns.Run(s, create, mode == DialingMode.Predictive && name == "predictive"
            ? s.Settings(mode)
            : s.Settings(mode) with { LinesPerAgentCeiling = 1000 }, seeds, hours));

    // The largest ratio (0.05 steps) whose mean abandon rate stays at or under 3%, by bisection.
    static PolicyResult BestFixed(Scenario s, int seeds, double hours)
    {
        var settings = s.Settings(DialingMode.Power) with { LinesPerAgentCeiling = 1000 };
        SeedResult[] Ratio(int i) => SeedRuns.Run(s, () => new PowerPacer(1 + 0.05 * i), settings, seeds, hours);
        var (index, seedResults) = LargestWithinTarget(200, Ratio);
        // abandon rates are noisy in the ratio: look a few steps past the bisection's answer too
        for (var i = index + 1; i <= index + 8; i++)
            if (Ratio(i) is var above && above.Average(r => r.AbandonRate) <= 0.03) (index, seedResults) = (i, above);
        return new PolicyResult("best-fixed", seedResults, $"ratio {1 + 0.05 * index:F2}");
    }

    // The oracle's threshold, tuned the same way over a geometric grid.
    static PolicyResult Oracle(Scenario s, int seeds, double hours)
    {
        var settings = s.Settings(DialingMode.Predictive) with { LinesPerAgentCeiling = 1000 };
        static double Threshold(int i) => 0.002 * Math.Pow(1.15, i);
        var (index, seedResults) = LargestWithinTarget(40, i =>
            SeedRuns.Run(s, () => new OraclePacer(s, Threshold(i)), settings, seeds, hours));
        return new PolicyResult("oracle", seedResults, $"threshold {Threshold(index):F3}");
    }

    static (int Index, SeedResult[] Seeds) LargestWithinTarget(int maxIndex, Func<int, SeedResult[]> run)
    {
        const double target = 0.03;
        var best = (Index: 0, Seeds: run(0));
        int low = 0, high = maxIndex;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            var results = run(mid);
            if (results.Average(r => r.AbandonRate) <= target) { low = mid; best = (mid, results); }
            else high = mid - 1;
        }
        return best;
    }
}
