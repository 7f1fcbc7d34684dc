namespace Dialer.Core.Pacing.Predictive;

/// <summary>
/// How the people who answer spread over a new dial's typical times-to-live. Only people count as
/// abandons, and late answers are mostly machines (whose drop costs nothing), so the risk of a new dial
/// weighs each time-to-live by the odds that who turns live then is a person.
/// </summary>
public static class PersonWeights
{
    /// <summary>
    /// Weights summing to 1, one per time in <paramref name="secondsToLive"/> (equally likely live times),
    /// proportional to <paramref name="personOdds"/> there; equal when no time has a person.
    /// </summary>
    public static double[] For(IReadOnlyList<double> secondsToLive, Func<double, double> personOdds)
    {
        var weights = secondsToLive.Select(t => Math.Clamp(personOdds(t), 0, 1)).ToArray();
        var total = weights.Sum();
        for (var i = 0; i < weights.Length; i++) weights[i] = total > 0 ? weights[i] / total : 1.0 / weights.Length;
        return weights;
    }
}
