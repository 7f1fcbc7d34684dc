namespace Dialer.Core.Pacing.Simulation;

static class Draw
{
    public static double Uniform(Random rng, double low, double high) => low + (high - low) * rng.NextDouble();

    public static double Uniform(Random rng, double[] range) => Uniform(rng, range[0], range[1]);

    public static double StandardNormal(Random rng)
    {
        var u1 = 1 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public static double Lognormal(double mean, double cv, double standardNormal)
    {
        var sigma2 = Math.Log(1 + cv * cv);
        return Math.Exp(Math.Log(mean) - sigma2 / 2 + Math.Sqrt(sigma2) * standardNormal);
    }

    public static double Lognormal(Random rng, LognormalSpec spec) =>
        Lognormal(spec.Mean, spec.Cv, StandardNormal(rng));
}
