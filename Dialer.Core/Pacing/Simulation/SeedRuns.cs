namespace Dialer.Core.Pacing.Simulation;

/// <summary>Runs one policy over seeds 1..N of a scenario, in parallel, with results in seed order.</summary>
public static class SeedRuns
{
    /// <param name="createPolicy">A fresh policy per seed (an <see cref="IPacer"/> or <see
    /// cref="IClairvoyantPacer"/>).</param>
    public static SeedResult[] Run(Scenario scenario, Func<object> createPolicy, PacingSettings settings, int seeds,
        double? hours = null)
    {
        var results = new SeedResult[seeds];
        Parallel.For(0, seeds, i => results[i] = new CallSimulator(
            scenario, createPolicy(), seed: i + 1, settings, hours).Run());
        return results;
    }
}

/// <summary>Mean, worst and best of one figure over seeds.</summary>
public readonly record struct Spread(double Mean, double Worst, double Best)
{
    public static Spread Of(IEnumerable<SeedResult> seeds, Func<SeedResult, double> figure, bool higherIsBetter)
    {
        var values = seeds.Select(figure).ToArray();
        return higherIsBetter
            ? new Spread(values.Average(), values.Min(), values.Max())
            : new Spread(values.Average(), values.Max(), values.Min());
    }
}
