using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Figures;
using FsCheck.Xunit;

namespace Dialer.Tests.Agents;

public class AbandonLedgerPropertyTests
{
    static readonly DateTimeOffset Answered = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    [Property(MaxTest = 1000)]
    public bool An_agent_connected_within_two_seconds_of_the_assumed_greeting_end_is_never_abandoned(
        ushort afterAnswerMs)
    {
        var connected = Answered.AddMilliseconds(afterAnswerMs % 10_000);
        var verdict = AbandonRule.Judge(new LiveCall(Answered, null, connected, null, null), connected.AddMinutes(5));
        // the greeting is assumed to take 1 s, then 2 s are allowed: 3000 ms after the answer is the last moment
        return verdict == (afterAnswerMs % 10_000 <= 3000 ? AbandonVerdict.Connected : AbandonVerdict.Abandoned);
    }

    [Property(MaxTest = 1000)]
    public bool A_known_greeting_end_moves_the_deadline_with_it(ushort greetingMs, ushort connectMs)
    {
        var greetingEnd = Answered.AddMilliseconds(greetingMs % 8000);
        var connected = greetingEnd.AddMilliseconds(connectMs % 5000);
        var verdict = AbandonRule.Judge(new LiveCall(Answered, greetingEnd, connected, null, null), connected);
        return verdict == (connectMs % 5000 <= 2000 ? AbandonVerdict.Connected : AbandonVerdict.Abandoned);
    }

    [Fact]
    public void The_two_second_boundary_is_inclusive_to_the_millisecond()
    {
        var greetingEnd = Answered.AddSeconds(1.5);
        Assert.Equal(AbandonVerdict.Connected,
            AbandonRule.Judge(new LiveCall(Answered, greetingEnd, greetingEnd.AddSeconds(2), null, null),
                greetingEnd.AddMinutes(1)));
        Assert.Equal(AbandonVerdict.Abandoned,
            AbandonRule.Judge(
                new LiveCall(Answered, greetingEnd, greetingEnd.AddSeconds(2).AddMilliseconds(1), null, null),
                greetingEnd.AddMinutes(1)));
    }

    [Fact]
    public void The_safe_harbour_message_and_a_person_taken_for_a_machine_are_abandoned_and_a_quick_hang_up_is_not()
    {
        Assert.Equal(AbandonVerdict.Abandoned,
            AbandonRule.Judge(new LiveCall(Answered, null, null, Answered.AddMilliseconds(20), null),
                Answered.AddSeconds(1)));
        Assert.Equal(AbandonVerdict.Abandoned,
            AbandonRule.Judge(
                new LiveCall(Answered, null, null, null, Answered.AddSeconds(1), PersonTakenForMachine: true),
                Answered.AddSeconds(1)));
        Assert.Equal(AbandonVerdict.HungUpInTime,
            AbandonRule.Judge(new LiveCall(Answered, null, null, null, Answered.AddSeconds(2)),
                Answered.AddSeconds(2)));
        Assert.Equal(AbandonVerdict.Pending,
            AbandonRule.Judge(new LiveCall(Answered, null, null, null, null), Answered.AddSeconds(2)));
        Assert.Equal(AbandonVerdict.Abandoned,
            AbandonRule.Judge(new LiveCall(Answered, null, null, null, null), Answered.AddSeconds(3.5)));
    }

    [Property(MaxTest = 2000)]
    public bool The_budget_is_the_most_abandons_that_keep_the_rate_at_or_under_the_target(ushort live,
        ushort abandonedSeed, byte targetTenthsOfPercent)
    {
        var abandoned = live == 0 ? 0 : abandonedSeed % (live + 1);
        var target = (1 + targetTenthsOfPercent % 30) / 1000.0; // 0.1% .. 3%
        var k = AbandonLedger.AbandonsLeft(live, abandoned, target);
        var within = AbandonLedger.Rate(live + k, abandoned + k) <= target + 1e-12;
        var oneMoreCrosses = AbandonLedger.Rate(live + k + 1, abandoned + k + 1) > target - 1e-12;
        var alreadyOver = AbandonLedger.Rate(live, abandoned) > target;
        return alreadyOver ? k == 0 : within && oneMoreCrosses;
    }

    [Property(MaxTest = 500)]
    public bool The_window_is_thirty_days_or_the_campaign_s_life_when_shorter(ushort campaignAgeHours)
    {
        var now = Answered;
        var settings = new CampaignSettings(); // AbandonWindowHours 720
        var start = now.AddHours(-campaignAgeHours);
        var from = AbandonLedger.WindowStart(settings, start, now);
        return from == (campaignAgeHours < 720 ? start : now.AddHours(-720));
    }
}
