using Dialer.ServiceDefaults.Twilio;
using Dialer.Worker.Dialing;
using Dialer.Worker.Dialing.AccountRate;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using Twilio.Exceptions;

namespace Dialer.Tests.Dialing;

public sealed class TwilioResilienceTests
{
    [Fact]
    public async Task An_account_error_holds_every_create_back_for_the_hold_then_lets_the_next_one_try()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = Options.Create(new TwilioOptions { AccountErrorHoldSeconds = 30 });
        var resilience = new TwilioResilience(new AccountRateLimiter(1000, clock), options, clock,
            NullLogger<TwilioResilience>.Instance);
        ValueTask<int> Create() => resilience.Pipeline.ExecuteAsync(_ => ValueTask.FromResult(1));

        Assert.Equal(1, await Create());
        resilience.HoldForAccountError(401, 20003);
        await WaitUntilAsync(() => resilience.HoldingForAccountError && Refused(Create));
        clock.Advance(TimeSpan.FromSeconds(29));
        await Assert.ThrowsAnyAsync<BrokenCircuitException>(async () => await Create());
        clock.Advance(TimeSpan.FromSeconds(1));
        await WaitUntilAsync(() => !resilience.HoldingForAccountError);
        Assert.Equal(1, await Create());
    }

    [Fact]
    public async Task A_create_whose_turn_passes_while_it_is_judged_is_judged_again_in_a_new_turn_and_sent_in_time()
    {
        var (clock, limiter, resilience) = OneCallASecond();
        var judged = 0;

        var sentAt = await resilience.SendAsync(_ =>
        {
            if (judged++ == 0) clock.Advance(TimeSpan.FromMilliseconds(1_200)); // a stalled claim: past its turn
            return ValueTask.CompletedTask;
        }, () => Task.FromResult(clock.GetUtcNow()), CancellationToken.None);

        Assert.Equal(2, judged);
        Assert.Equal(Start.AddSeconds(1), sentAt.AddTicks(-(sentAt.Ticks % TimeSpan.TicksPerSecond)));
        Assert.False(limiter.AttemptAcquire().IsAcquired); // the second it reached Twilio in counted it
    }

    [Fact]
    public async Task A_retried_create_takes_a_turn_of_its_own()
    {
        var (clock, _, resilience) = OneCallASecond();
        var sent = new List<DateTimeOffset>();

        var create = resilience.SendAsync(_ => ValueTask.CompletedTask, () =>
        {
            sent.Add(clock.GetUtcNow());
            if (sent.Count == 1) throw new ApiException(20429, 429, "Too Many Requests", "", null);
            return Task.FromResult(true);
        }, CancellationToken.None).AsTask();

        await WaitUntilAsync(() => sent.Count == 1);
        await Task.Delay(500); // the retry's pause (real time) is over: it waits for a turn now, not sending
        Assert.Single(sent);
        clock.Advance(TimeSpan.FromSeconds(1));
        await WaitUntilAsync(() => create.IsCompleted);
        Assert.Equal([Start, Start.AddSeconds(1)], sent);
    }

    static readonly DateTimeOffset Start = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A Worker allowed one call a second, its clock at <see cref="Start"/>.</summary>
    static (FakeTimeProvider, AccountRateLimiter, TwilioResilience) OneCallASecond()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new AccountRateLimiter(1, clock);
        return (clock, limiter, new TwilioResilience(limiter, Options.Create(new TwilioOptions()), clock,
            NullLogger<TwilioResilience>.Instance));
    }

    static bool Refused(Func<ValueTask<int>> create)
    {
        try
        {
            create().AsTask().GetAwaiter().GetResult();
            return false;
        }
        catch (BrokenCircuitException)
        {
            return true;
        }
    }

    static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(20);
        Assert.True(condition());
    }
}
