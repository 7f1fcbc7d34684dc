namespace Dialer.TwilioSimulator.Hosting;

/// <summary>The simulator's one seeded source of chance, shared by concurrent calls.</summary>
public sealed class SimRandom(int seed)
{
    readonly Random _random = new(seed);

    /// <summary>A stream of its own for the call numbered <paramref name="number"/>: its fate depends on the seed and
    /// its place in the order of creates only, not on how concurrent calls interleave.</summary>
    public SimRandom ForCall(long number) => new(unchecked(seed * 1_000_003 + (int)number));
    readonly Lock _gate = new();

    public double NextDouble()
    {
        lock (_gate) return _random.NextDouble();
    }

    public bool Chance(double probability) => probability > 0 && NextDouble() < probability;

    public TimeSpan Duration(DurationRange range)
    {
        if (range.Max <= range.Min) return TimeSpan.FromMilliseconds(range.Min);
        lock (_gate) return TimeSpan.FromMilliseconds(_random.Next(range.Min, range.Max + 1));
    }

    /// <summary>Index of the weight drawn, with probability proportional to it.</summary>
    public int Pick(IReadOnlyList<double> weights)
    {
        var total = weights.Sum();
        var roll = NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            roll -= weights[i];
            if (roll < 0) return i;
        }
        return weights.Count - 1;
    }
}
