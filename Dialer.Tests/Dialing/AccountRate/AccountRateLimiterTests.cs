using System.Threading.RateLimiting;
using Dialer.Worker.Dialing.AccountRate;
using Microsoft.Extensions.Time.Testing;

namespace Dialer.Tests.Dialing.AccountRate;

public sealed class AccountRateLimiterTests
{
    static readonly DateTimeOffset WholeSecond = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_quota_of_four_takes_turns_a_fifth_of_a_second_apart()
    {
        var clock = new FakeTimeProvider(WholeSecond);
        using var limiter = new AccountRateLimiter(4, clock);

        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired); // the next turn is at 0.2 s
        foreach (var at in new[] { 200, 400, 600 })
        {
            clock.SetUtcNow(WholeSecond.AddMilliseconds(at - 1));
            Assert.False(limiter.AttemptAcquire().IsAcquired);
            clock.SetUtcNow(WholeSecond.AddMilliseconds(at));
            Assert.True(limiter.AttemptAcquire().IsAcquired, $"turn at {at} ms");
        }
        clock.SetUtcNow(WholeSecond.AddMilliseconds(999));
        Assert.False(limiter.AttemptAcquire().IsAcquired); // four this second
        clock.SetUtcNow(WholeSecond.AddSeconds(1));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void A_call_in_a_seconds_last_fifth_counts_against_the_next_second_too()
    {
        var clock = new FakeTimeProvider(WholeSecond.AddMilliseconds(850));
        using var limiter = new AccountRateLimiter(2, clock);
        Assert.True(limiter.AttemptAcquire().IsAcquired); // it may reach Twilio in the next second
        clock.SetUtcNow(WholeSecond.AddSeconds(1));
        Assert.False(limiter.AttemptAcquire().IsAcquired); // so that second's first turn is taken: the next at 0.4 s
        clock.SetUtcNow(WholeSecond.AddSeconds(1).AddMilliseconds(400));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void No_calendar_second_can_receive_more_than_the_quota_whenever_requests_come()
    {
        var random = new Random(20261207);
        for (var run = 0; run < 200; run++)
        {
            var quota = random.Next(1, 60);
            var clock = new FakeTimeProvider(WholeSecond.AddTicks(random.NextInt64(TimeSpan.TicksPerSecond)));
            using var limiter = new AccountRateLimiter(quota, clock);
            var granted = new List<long>();
            for (var request = 0; request < 2_000; request++)
            {
                clock.Advance(TimeSpan.FromTicks(random.NextInt64(2 * TimeSpan.TicksPerSecond / quota)));
                if (limiter.AttemptAcquire().IsAcquired) granted.Add(clock.GetUtcNow().UtcTicks);
            }
            // a call reaches Twilio within a fifth of a second: in its own second, or the next when it left late
            var late = TimeSpan.TicksPerSecond * 4 / 5;
            var reaching = granted.GroupBy(t => t / TimeSpan.TicksPerSecond).ToDictionary(g => g.Key, g => g.Count());
            foreach (var (second, count) in reaching)
            {
                var lateBefore = granted.Count(t => t / TimeSpan.TicksPerSecond == second - 1
                    && t % TimeSpan.TicksPerSecond >= late);
                Assert.True(count + lateBefore <= quota, $"quota {quota}: {count} + {lateBefore} late in a second");
            }
            Assert.True(granted.Count >= reaching.Count * Math.Min(quota, 4) / 5, $"quota {quota}: {granted.Count}");
        }
    }

    [Fact]
    public void A_turn_is_in_time_until_its_seconds_four_fifths_or_lent_until_the_next_ones()
    {
        var clock = new FakeTimeProvider(WholeSecond.AddMilliseconds(100));
        using var limiter = new AccountRateLimiter(2, clock);
        var early = limiter.AttemptAcquire();
        clock.SetUtcNow(WholeSecond.AddMilliseconds(799));
        Assert.True(limiter.InTime(early));
        clock.SetUtcNow(WholeSecond.AddMilliseconds(800)); // it could reach Twilio in a second that did not count it
        Assert.False(limiter.InTime(early));

        clock.SetUtcNow(WholeSecond.AddMilliseconds(850));
        var lent = limiter.AttemptAcquire();
        clock.SetUtcNow(WholeSecond.AddMilliseconds(1_799));
        Assert.True(limiter.InTime(lent));
        clock.SetUtcNow(WholeSecond.AddMilliseconds(1_800));
        Assert.False(limiter.InTime(lent));
        using var closed = new AccountRateLimiter(0, clock);
        Assert.False(closed.InTime(closed.AttemptAcquire())); // refused: never in time
    }

    [Fact]
    public async Task A_retaken_turn_is_served_before_every_waiter()
    {
        var clock = new FakeTimeProvider(WholeSecond);
        using var limiter = new AccountRateLimiter(1, clock);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        var waiter = limiter.AcquireAsync().AsTask();
        var retaken = limiter.RetakeAsync(CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromSeconds(1));
        await WaitForAsync(() => retaken.IsCompleted);
        Assert.True((await retaken).IsAcquired);
        Assert.False(waiter.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await WaitForAsync(() => waiter.IsCompleted);
    }

    [Fact]
    public void Requests_judged_for_any_time_and_sent_only_in_time_reach_no_second_over_the_quota()
    {
        var random = new Random(20261208);
        for (var run = 0; run < 200; run++)
        {
            var quota = random.Next(1, 40);
            var clock = new FakeTimeProvider(WholeSecond.AddTicks(random.NextInt64(TimeSpan.TicksPerSecond)));
            using var limiter = new AccountRateLimiter(quota, clock);
            var judging = new List<(RateLimitLease Turn, long SendAt)>();
            var reached = new List<long>();
            for (var step = 0; step < 3_000; step++)
            {
                clock.Advance(TimeSpan.FromTicks(random.NextInt64(TimeSpan.TicksPerSecond / quota)));
                var now = clock.GetUtcNow().UtcTicks;
                if (limiter.AttemptAcquire() is { IsAcquired: true } turn) // judged for up to 1.5 s, a stall at times
                    judging.Add((turn, now + random.NextInt64(random.Next(4) == 0 ? 15_000_000 : 1_000_000)));
                foreach (var leaving in judging.Where(j => j.SendAt <= now).ToList())
                {
                    judging.Remove(leaving);
                    if (limiter.InTime(leaving.Turn)) reached.Add(now + random.NextInt64(TimeSpan.TicksPerSecond / 5));
                }
            }
            var busiest = reached.GroupBy(t => t / TimeSpan.TicksPerSecond).Max(g => g.Count());
            Assert.True(busiest <= quota, $"quota {quota}: {busiest} calls reached Twilio in one second");
        }
    }

    [Fact]
    public async Task Waiting_requests_follow_the_new_quota_from_the_moment_it_changes()
    {
        var clock = new FakeTimeProvider(WholeSecond);
        using var limiter = new AccountRateLimiter(10, clock);
        Assert.True((await limiter.AcquireAsync()).IsAcquired);
        var waiting = Enumerable.Range(0, 5).Select(_ => limiter.AcquireAsync().AsTask()).ToList();

        clock.Advance(TimeSpan.FromMilliseconds(80));
        await WaitForAsync(() => waiting.Count(w => w.IsCompleted) == 1);

        limiter.Retune(0);
        clock.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(50);
        Assert.Equal(1, waiting.Count(w => w.IsCompleted)); // a quota of nothing: nobody leaves

        limiter.Retune(100);
        clock.Advance(TimeSpan.FromMilliseconds(8));
        await WaitForAsync(() => waiting.Count(w => w.IsCompleted) >= 2);
        clock.Advance(TimeSpan.FromMilliseconds(40));
        await WaitForAsync(() => waiting.All(w => w.IsCompleted));
        Assert.All(await Task.WhenAll(waiting), lease => Assert.True(lease.IsAcquired));
    }

    [Fact]
    public async Task A_cancelled_request_leaves_the_queue_and_the_next_one_takes_its_turn()
    {
        var clock = new FakeTimeProvider(WholeSecond);
        using var limiter = new AccountRateLimiter(10, clock);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        using var cancel = new CancellationTokenSource();
        var cancelled = limiter.AcquireAsync(1, cancel.Token).AsTask();
        var next = limiter.AcquireAsync().AsTask();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        clock.Advance(TimeSpan.FromMilliseconds(80));
        await WaitForAsync(() => next.IsCompleted);
        Assert.True((await next).IsAcquired);
    }

    [Theory]
    [InlineData(100, 1, 0, false, 100)]
    [InlineData(100, 4, 3, true, 25)]
    [InlineData(100, 2, 0, false, 0)]
    [InlineData(2.5, 1, 0, true, 2)]
    public void A_share_is_the_rate_over_the_live_Workers_and_nothing_until_all_have_seen_a_newcomer(
        double rate, int live, int rank, bool seenByAll, double perSecond) =>
        Assert.Equal(perSecond, RateShare.Of(rate, live, rank, seenByAll).PerSecond);

    [Fact]
    public void Every_seconds_quotas_add_up_to_the_rate_and_every_Worker_gets_turns()
    {
        for (var rate = 1; rate <= 60; rate++)
            for (var live = 1; live <= 12; live++)
            {
                var shares = Enumerable.Range(0, live).Select(r => RateShare.Of(rate, live, r, true)).ToList();
                for (long second = 1_796_000_000; second < 1_796_000_000 + 2 * live; second++)
                    Assert.Equal(rate, shares.Sum(s => s.In(second)));
                // fewer calls a second than Workers: each still gets one within as many seconds as there are Workers
                Assert.All(shares, s => Assert.True(
                    Enumerable.Range(0, live).Sum(k => s.In(1_796_000_000L + k)) >= 1, $"rate {rate}, {live} live"));
            }
    }

    [Fact]
    public void A_Worker_takes_no_call_in_a_second_not_its_own_and_lends_none_into_one()
    {
        var share = new RateShare.Quota(0, 1, 0, 2); // one call a second between two Workers: this one's every other
        var mine = share.In(WholeSecond.UtcTicks / TimeSpan.TicksPerSecond) == 1
            ? WholeSecond
            : WholeSecond.AddSeconds(1);
        var clock = new FakeTimeProvider(mine.AddMilliseconds(-100)); // the last fifth of the other Worker's second
        using var limiter = new AccountRateLimiter(share, clock);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        clock.SetUtcNow(mine.AddMilliseconds(900)); // its own second's last fifth: the call could land in the next
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        clock.SetUtcNow(mine.AddSeconds(2).AddMilliseconds(100));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        clock.SetUtcNow(mine.AddSeconds(3).AddMilliseconds(100));
        Assert.False(limiter.AttemptAcquire().IsAcquired);
    }

    static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }
}
