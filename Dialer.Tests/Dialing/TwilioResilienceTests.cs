using Dialer.ServiceDefaults.Twilio;
using Dialer.Worker.Dialing;
using Dialer.Worker.Dialing.AccountRate;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;

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
