using Dialer.Core.Pacing;
using Dialer.Core.Pacing.Predictive;

namespace Dialer.Tests.Pacing;

public class AbandonGuardTests
{
    [Fact]
    public void Amd_hidden_abandons_alone_do_not_sink_the_threshold_while_it_is_held_down()
    {
        var controller = new AbandonController();
        var settings = new PacingSettings { Mode = DialingMode.Predictive, AmdFalsePositiveRate = 0.01 };
        controller.Update(new AbandonBudget(1000, 0, 0), settings, personShare: 1, limit: 0.3);
        var before = controller.Threshold;
        for (var i = 1; i <= 200; i++) // answers, no drops: only AMD's unseen hang-ups
            controller.Update(new AbandonBudget(1000 + 10 * i, 0, 0), settings, personShare: 1, limit: 0.3);
        Assert.True(controller.Threshold >= before);
    }

    [Fact]
    public void A_flood_of_answers_raises_the_threshold_no_faster_than_its_bound_allows()
    {
        var settings = new PacingSettings { Mode = DialingMode.Predictive };
        double ThresholdAfter(int answersPerSecond, int seconds)
        {
            var controller = new AbandonController();
            for (var t = 0; t <= seconds; t++)
                controller.Update(new AbandonBudget(1000 + answersPerSecond * t, 0, 0), settings, personShare: 1,
                    now: t);
            return controller.Threshold;
        }
        var slow = ThresholdAfter(answersPerSecond: 1, seconds: 120);
        var flood = ThresholdAfter(answersPerSecond: 100, seconds: 120);
        Assert.True(slow > 0.02); // answers without abandons raise it
        Assert.InRange(flood, slow, 0.02 * Math.Exp(0.5 + AbandonController.MaxRisePerSecond * 120) + 1e-9);
        Assert.True(flood < 0.5); // unbounded, 12,000 answers would have taken it to the ceiling
    }

    [Fact]
    public void Drops_lower_the_threshold()
    {
        var controller = new AbandonController();
        var settings = new PacingSettings { Mode = DialingMode.Predictive };
        controller.Update(new AbandonBudget(1000, 0, 0), settings, personShare: 1);
        var before = controller.Threshold;
        controller.Update(new AbandonBudget(1010, 3, 0), settings, personShare: 1);
        Assert.True(controller.Threshold < before);
    }

    [Fact]
    public void The_hour_guard_keeps_less_room_for_dials_in_flight_with_a_small_team()
    {
        static double LimitWith(int agents)
        {
            var hour = new RecentHourGuard();
            hour.Add(0, answered: 0, abandoned: 0);
            for (var t = 60; t <= 3600; t += 60) hour.Add(t, answered: 1, abandoned: t == 1800 ? 1.2 : 0);
            return hour.Limit(3600, target: 0.03, agents);
        }
        Assert.True(LimitWith(5) > LimitWith(20));
        Assert.InRange(LimitWith(20), 0, 0.5);
    }
}
