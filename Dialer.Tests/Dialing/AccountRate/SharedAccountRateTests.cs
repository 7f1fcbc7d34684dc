using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Dialer.TwilioSimulator.Hosting;
using Dialer.Worker.Dialing.AccountRate;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dialer.Tests.Dialing.AccountRate;

/// <summary>An account allowed 6 calls a second, which the simulator enforces and counts; heartbeats every 0.5
/// s.</summary>
public sealed class TwentyCallsASecondAccount : DialingWorld
{
    public const int Rate = 6;

    protected override SimulatorOptions SimulatorSettings()
    {
        var options = FastSimulator();
        options.CallsPerSecond = Rate;
        return options;
    }

    protected override IDictionary<string, string?> WorkerSettings() => new Dictionary<string, string?>
    {
        ["Twilio:AccountCallsPerSecond"] = Rate.ToString(),
        ["Twilio:RateShareHeartbeatMilliseconds"] = "500",
    };
}

public sealed class SharedAccountRateTests(TwentyCallsASecondAccount world) : IClassFixture<TwentyCallsASecondAccount>
{
    const int Rate = TwentyCallsASecondAccount.Rate;

    [Fact]
    public async Task Two_Workers_together_keep_to_the_account_rate_and_one_takes_it_all_when_the_other_stops()
    {
        await using var second = world.StartWorker();
        var first = Share(world.Worker.Services);
        var other = Share(second.Services);
        await WaitForAsync(() => first.Share.PerSecond == Rate / 2.0 && other.Share.PerSecond == Rate / 2.0,
            TimeSpan.FromSeconds(15));

        var (campaign, _) = await world.RunningCampaignAsync(130);
        // warm up: each Worker's first requests (connections, JIT) would reach the simulator in a bunch
        var warmUp = await world.DialAsync(campaign, 10);
        await world.WaitForAttemptsAsync(warmUp.Select(a => a.Id), a => a.State >= AttemptState.Queued);
        world.Simulator.CreateRate.Reset();
        var attempts = await world.DialAsync(campaign, 120);
        await world.WaitForAttemptsAsync(attempts.Select(a => a.Id), a => a.State >= AttemptState.Queued,
            TimeSpan.FromSeconds(60));

        var seconds = world.Simulator.CreateRate.Seconds(world.Simulator.Options.AccountSid);
        // The Workers' quotas add up to the rate in every calendar second.
        // The simulator counts arrivals, and on this shared 2-core machine a request may stall for a second or more
        // before it arrives, so a call granted in one second may land in a later one: any run of seconds keeps to
        // the rate give or take one second's calls. Two Workers each at the whole rate would make twice the rate.
        var counts = seconds.Select(x => x.Creates).ToList();
        for (var from = 0; from < counts.Count; from++)
            for (var length = 1; from + length <= counts.Count; length++)
                Assert.True(counts.Skip(from).Take(length).Sum() <= Rate * (length + 1) + 2,
                    $"{length} s from {seconds[from].Second}: {string.Join(" ", counts)}");
        Assert.True(counts.Sum() >= attempts.Count * 9 / 10, "the calls were counted");
        Assert.True(seconds.Count <= attempts.Count / Rate * 2,
            $"both Workers dialed at their shares: {string.Join(" ", counts)}");

        await second.DisposeAsync(); // a clean stop gives its lease back
        await WaitForAsync(() => first.Share.PerSecond == Rate, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_Worker_that_dies_without_a_word_stops_counting_within_three_heartbeats()
    {
        var survivor = Share(world.Worker.Services);
        await WaitForAsync(() => survivor.Share.PerSecond == Rate, TimeSpan.FromSeconds(10));
        await using (var db = world.Db())
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO worker_leases VALUES ({Guid.NewGuid()}, 'killed', now(), now())");

        await WaitForAsync(() => survivor.Share.PerSecond == Rate / 2.0, TimeSpan.FromSeconds(5));
        await WaitForAsync(() => survivor.Share.PerSecond == Rate, TimeSpan.FromSeconds(10));
    }

    static AccountRateLimiter Share(IServiceProvider services) => services.GetRequiredService<AccountRateLimiter>();

    static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.True(condition());
    }
}
