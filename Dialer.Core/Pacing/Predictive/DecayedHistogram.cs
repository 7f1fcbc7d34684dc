namespace Dialer.Core.Pacing.Predictive;

/// <summary>
/// Histograms of durations, one per series, where each new sample weighs a little more than the last so
/// that old behaviour fades (a memory of about <c>memory</c> samples, shared by all series so that their
/// proportions stay comparable). Values past the last bin go to an overflow bin whose mean excess is
/// kept, for an exponential tail.
/// </summary>
public sealed class DecayedHistogram
{
    readonly double binSeconds;
    readonly int bins;
    readonly double forgetting;
    readonly double[][] weights, cumulative;
    readonly double[] totals, overflowExcess;
    readonly bool[] dirty;
    double increment = 1;

    public DecayedHistogram(double binSeconds, int bins, double memory, int series = 1)
    {
        this.binSeconds = binSeconds;
        this.bins = bins;
        forgetting = 1 / (1 - 1 / memory);
        weights = Enumerable.Range(0, series).Select(_ => new double[bins + 1]).ToArray();
        cumulative = Enumerable.Range(0, series).Select(_ => new double[bins + 1]).ToArray();
        totals = new double[series];
        overflowExcess = new double[series];
        dirty = new bool[series];
    }

    public double MaxSeconds => binSeconds * bins;
    public int Samples { get; private set; }

    /// <summary>Effective number of remembered samples in a series (all series when null).</summary>
    public double Weight(int? series = null) => (series is { } s ? totals[s] : totals.Sum()) / increment;

    public void Add(double seconds, int series = 0)
    {
        var bin = seconds < 0 ? 0 : seconds >= MaxSeconds ? bins : (int)(seconds / binSeconds);
        weights[series][bin] += increment;
        if (bin == bins) overflowExcess[series] += increment * (seconds - MaxSeconds);
        totals[series] += increment;
        dirty[series] = true;
        Samples++;
        increment *= forgetting;
        if (increment > 1e100) Rescale();
    }

    /// <summary>P(X ≤ seconds) within a series: linear within bins, an exponential tail past the last.</summary>
    public double Cdf(double seconds, int series = 0) =>
        totals[series] <= 0 ? 0 : WeightAtMost(seconds, series) / totals[series];

    /// <summary>Remembered samples of a series at or under <paramref name="seconds"/>.</summary>
    public double CountAtMost(double seconds, int series = 0) => WeightAtMost(seconds, series) / increment;

    public double Mean(int series = 0)
    {
        var w = weights[series];
        if (totals[series] <= 0) return 0;
        double sum = 0;
        for (var i = 0; i < bins; i++) sum += w[i] * (i + 0.5) * binSeconds;
        sum += w[bins] * MaxSeconds + overflowExcess[series];
        return sum / totals[series];
    }

    /// <summary>The value under which a fraction <paramref name="p"/> of a series lies.</summary>
    public double Quantile(double p, int series = 0)
    {
        if (totals[series] <= 0) return 0;
        var c = Cumulative(series);
        var goal = p * totals[series];
        for (var i = 0; i < bins; i++)
            if (c[i + 1] >= goal)
            {
                var inBin = c[i + 1] - c[i];
                return (i + (inBin > 0 ? (goal - c[i]) / inBin : 0.5)) * binSeconds;
            }
        return MaxSeconds;
    }

    double WeightAtMost(double seconds, int series)
    {
        if (seconds <= 0 || totals[series] <= 0) return 0;
        var c = Cumulative(series);
        var x = seconds / binSeconds;
        if (x < bins)
        {
            var i = (int)x;
            return c[i] + (c[i + 1] - c[i]) * (x - i);
        }
        var tail = weights[series][bins];
        if (tail <= 0) return c[bins];
        var tailMean = Math.Max(binSeconds, overflowExcess[series] / tail);
        return c[bins] + tail * (1 - Math.Exp(-(seconds - MaxSeconds) / tailMean));
    }

    double[] Cumulative(int series)
    {
        var c = cumulative[series];
        if (!dirty[series]) return c;
        var w = weights[series];
        for (var i = 0; i < bins; i++) c[i + 1] = c[i] + w[i];
        dirty[series] = false;
        return c;
    }

    void Rescale()
    {
        for (var s = 0; s < totals.Length; s++)
        {
            for (var i = 0; i <= bins; i++) weights[s][i] /= increment;
            overflowExcess[s] /= increment;
            totals[s] /= increment;
            dirty[s] = true;
        }
        increment = 1;
    }
}
