using Dialer.Worker.Dialing.AccountRate;
using Microsoft.Extensions.Time.Testing;

namespace Dialer.Tests.Dialing.AccountRate;

public sealed class RetunableTokenBucketTests
{
    [Fact]
    public async Task Waiting_requests_follow_the_new_rate_from_the_moment_it_changes()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var bucket = new RetunableTokenBucket(10, clock);
        Assert.True((await bucket.AcquireAsync()).IsAcquired); // the bucket's one token
        var waiting = Enumerable.Range(0, 5).Select(_ => bucket.AcquireAsync().AsTask()).ToList();

        clock.Advance(TimeSpan.FromMilliseconds(100));
        await WaitForAsync(() => waiting.Count(w => w.IsCompleted) == 1);

        bucket.Retune(0);
        clock.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(50);
        Assert.Equal(1, waiting.Count(w => w.IsCompleted)); // a share of nothing: nobody leaves

        bucket.Retune(100);
        clock.Advance(TimeSpan.FromMilliseconds(10));
        await WaitForAsync(() => waiting.Count(w => w.IsCompleted) == 2);
        clock.Advance(TimeSpan.FromMilliseconds(30));
        await WaitForAsync(() => waiting.All(w => w.IsCompleted));
        Assert.All(await Task.WhenAll(waiting), lease => Assert.True(lease.IsAcquired));
    }

    [Fact]
    public async Task A_smaller_rate_drops_the_tokens_saved_at_the_larger_one()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var bucket = new RetunableTokenBucket(1000, clock); // holds 100 tokens
        bucket.Retune(10); // holds 1
        Assert.True(bucket.AttemptAcquire().IsAcquired);
        Assert.False(bucket.AttemptAcquire().IsAcquired);
        var next = bucket.AcquireAsync().AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(99));
        await Task.Delay(50);
        Assert.False(next.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await WaitForAsync(() => next.IsCompleted);
    }

    [Fact]
    public async Task A_cancelled_request_leaves_the_queue_and_the_next_one_takes_its_turn()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var bucket = new RetunableTokenBucket(10, clock);
        Assert.True(bucket.AttemptAcquire().IsAcquired);
        using var cancel = new CancellationTokenSource();
        var cancelled = bucket.AcquireAsync(1, cancel.Token).AsTask();
        var next = bucket.AcquireAsync().AsTask();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        await WaitForAsync(() => next.IsCompleted);
        Assert.True((await next).IsAcquired);
    }

    [Theory]
    [InlineData(100, 1, false, 100)]
    [InlineData(100, 4, true, 25)]
    [InlineData(100, 2, false, 0)]
    public void A_share_is_the_rate_over_the_live_Workers_and_nothing_until_all_have_seen_a_newcomer(
        double rate, int live, bool seenByAll, double share) =>
        Assert.Equal(share, RateShare.Of(rate, live, seenByAll));

    static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }
}
