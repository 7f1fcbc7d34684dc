namespace Dialer.Core.Pacing.Predictive;

/// <summary>
/// For the moment of one snapshot: the chance that one more dial, if a person answers it, finds no agent within
/// the hold time. The call is served when the agents free by then outnumber the calls ahead of it (waiting
/// calls, ringing lines that turn live first, and the other dials placed in the same decision); agents and
/// lines are independent Bernoulli trials, their sum taken as normal. Averaged over typical times-to-live,
/// each weighed by the odds that who turns live then is a person (<see cref="PersonWeights"/>).
/// </summary>
sealed class AbandonRisk
{
    readonly double[] margin = new double[RiskTables.Points];
    readonly double[] variance = new double[RiskTables.Points];
    readonly double[] earlierShare = new double[RiskTables.Points];
    readonly double[] personWeight = new double[RiskTables.Points];

    public AbandonRisk(PacingSnapshot s, RiskTables tables)
    {
        for (var m = 0; m < RiskTables.Points; m++)
        {
            double mean = -s.WaitingCallAges.Count - 1, v = 0;
            foreach (var agent in s.Agents)
            {
                var p = tables.FreeBy(agent, m);
                mean += p;
                v += p * (1 - p);
            }
            foreach (var age in s.RingingLineAges)
            {
                var q = tables.LiveBefore(age, m);
                mean -= q;
                v += q * (1 - q);
            }
            margin[m] = mean;
            variance[m] = v;
            // another new dial is ahead of this one when it turns live, and sooner
            earlierShare[m] = tables.LiveRate * (m + 0.5) / RiskTables.Points;
            personWeight[m] = tables.PersonWeight(m);
        }
    }

    /// <summary>
    /// P(abandon | a person answers) for a new dial placed after <paramref name="earlierNewDials"/> others now.
    /// </summary>
    public double ForNewDial(int earlierNewDials)
    {
        double sum = 0;
        for (var m = 0; m < RiskTables.Points; m++)
        {
            var c = earlierShare[m];
            var mean = margin[m] - earlierNewDials * c;
            var v = variance[m] + earlierNewDials * c * (1 - c);
            sum += personWeight[m] * (v < 1e-9 ? (mean <= -0.5 ? 1 : 0) : Normal.Cdf((-0.5 - mean) / Math.Sqrt(v)));
        }
        return sum;
    }
}

static class Normal
{
    /// <summary>Standard normal CDF, through a Chebyshev-fitted erfc (relative error under 1.2e-7).</summary>
    public static double Cdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
            t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 +
            t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
