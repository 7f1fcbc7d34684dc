using Dialer.Core.Dialing;

namespace Dialer.Tests.Compliance;

/// <summary>A person answered but the call ended before the answer webhook could route it: still a live answer, judged
/// by the abandon rule.</summary>
public class UnroutedAnswerTests
{
    static readonly DateTimeOffset Answered = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    static CallAttempt EndedAfter(double seconds, string? answeredBy = "human")
    {
        var a = CallAttempt.Create(Guid.NewGuid(), 1, Answered.AddSeconds(-20));
        a.AnsweredBy = answeredBy;
        a.Advance(AttemptState.InProgress, Answered);
        a.Advance(AttemptState.Completed, Answered.AddSeconds(seconds));
        a.EndedBeforeRouting();
        a.SettleAbandon(Answered.AddSeconds(seconds));
        return a;
    }

    [Fact]
    public void A_customer_left_in_silence_past_the_allowance_was_abandoned()
    {
        var a = EndedAfter(12);
        Assert.Equal((true, true), (a.LiveAnswer, a.Abandoned));
    }

    [Fact]
    public void A_customer_who_hung_up_within_the_allowance_was_not()
    {
        var a = EndedAfter(2);
        Assert.Equal((true, false), (a.LiveAnswer, a.Abandoned));
    }

    [Fact]
    public void A_machine_is_no_live_answer()
    {
        var a = EndedAfter(12, "machine_end_beep");
        Assert.Equal((false, false), (a.LiveAnswer, a.Abandoned));
    }
}
