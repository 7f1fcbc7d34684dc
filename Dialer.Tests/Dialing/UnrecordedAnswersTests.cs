using Dialer.Core.Dialing.Fallback;

namespace Dialer.Tests.Dialing;

public sealed class UnrecordedAnswersTests
{
    static FallbackAnswer Answer(int n) =>
        new(Guid.NewGuid(), $"CA{n:D32}", false, DateTimeOffset.UnixEpoch.AddSeconds(n));

    [Fact]
    public void Answers_are_taken_oldest_first_and_past_the_capacity_the_oldest_are_dropped_and_counted()
    {
        var answers = new UnrecordedAnswers();
        var all = Enumerable.Range(0, UnrecordedAnswers.Capacity + 5).Select(Answer).ToList();
        foreach (var answer in all) answers.Remember(answer);

        Assert.Equal(5, answers.Dropped);
        var taken = answers.TakeAll();
        Assert.Equal(all.Skip(5), taken);
        Assert.Equal(0, answers.Count);
    }
}
