namespace Dialer.Core.Pacing.Simulation;

/// <summary>Time-average and peak of a step function (lines in use, agents logged in) over a window.</summary>
sealed class StepIntegral(double from, double to)
{
    double value, since, area;

    public double Peak { get; private set; }
    public double Area => area;

    public void Set(double now, double newValue)
    {
        Accumulate(now);
        value = newValue;
        if (now >= from && now < to) Peak = Math.Max(Peak, value);
    }

    public void Finish() => Accumulate(to);

    void Accumulate(double now)
    {
        var overlap = Math.Min(now, to) - Math.Max(since, from);
        if (overlap > 0)
        {
            area += overlap * value;
            Peak = Math.Max(Peak, value);
        }
        since = now;
    }
}
