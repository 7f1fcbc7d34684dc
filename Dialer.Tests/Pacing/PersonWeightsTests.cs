using Dialer.Core.Pacing.Predictive;

namespace Dialer.Tests.Pacing;

public class PersonWeightsTests
{
    static readonly double[] TimesToLive = [4, 8, 12, 16, 20, 24];

    [Fact]
    public void Late_answers_that_are_machines_carry_no_weight()
    {
        var weights = PersonWeights.For(TimesToLive, t => t < 14 ? 0.9 : 0.0);
        Assert.Equal(1, weights.Sum(), 9);
        Assert.All(weights[..3], w => Assert.Equal(1.0 / 3, w, 9));
        Assert.All(weights[3..], w => Assert.Equal(0, w));
    }

    [Fact]
    public void Equal_odds_everywhere_weigh_every_time_alike()
    {
        Assert.All(PersonWeights.For(TimesToLive, _ => 0.4), w => Assert.Equal(1.0 / 6, w, 9));
        Assert.All(PersonWeights.For(TimesToLive, _ => 0.0), w => Assert.Equal(1.0 / 6, w, 9));
    }

    [Fact]
    public void Odds_out_of_range_are_clamped()
    {
        var weights = PersonWeights.For([5, 10], t => t < 7 ? 3.0 : -1.0);
        Assert.Equal([1.0, 0.0], weights);
    }
}
