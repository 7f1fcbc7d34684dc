using System.Diagnostics;
using Dialer.Core.Campaigns;
using Dialer.Core.Changes;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Core.Figures;
using Dialer.Core.Pacing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dialer.Bench.Claim;

/// <summary>
/// A pacing tick's work for 100 lines, as CampaignPacingJob does it: decide (abandon ledger, live snapshot, the
/// pacer, its saved state), claim 100 contacts (attempts and their PlaceCalls in the outbox, one commit), then the
/// outbox round that publishes the batch to RabbitMQ together and waits for every confirm. Between ticks, untimed,
/// the calls end but for the newest <see cref="InFlight"/>: a campaign opening 100 lines a second whose calls last
/// about 20 s, so the decide phase reads as many lines in flight as such a campaign has.
/// </summary>
public static class TickBench
{
    const int InFlight = 2_000;

    public static async Task<double[]> RunAsync(string connection, string vhost, Campaign campaign, int ticks,
        ClaimBench.Claim claim)
    {
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<OutboxSignal>()
            .AddSingleton<OutboxDispatcher>()
            .AddScoped(_ => new ClaimWorld(connection).Db());
        services.AddOptions<OutboxOptions>();
        services.AddMassTransit(x => x.UsingRabbitMq((_, cfg) => cfg.Host("127.0.0.1", 5672, vhost, h =>
        {
            h.Username("guest");
            h.Password("guest");
        })));
        await using var provider = services.BuildServiceProvider();
        var bus = provider.GetRequiredService<IBusControl>();
        await bus.StartAsync();
        try
        {
            var dispatcher = provider.GetRequiredService<OutboxDispatcher>();
            var pacers = new PacerRegistry();
            var times = new double[ticks];
            var (decide, claiming, publish) = (new double[ticks], new double[ticks], new double[ticks]);
            for (var i = 0; i < ticks; i++)
            {
                await using var db = new ClaimWorld(connection).Db();
                await EndCallsAsync(db, campaign);
                var clock = Stopwatch.StartNew();
                var now = DateTimeOffset.UtcNow;
                var pacing = pacers.For(campaign.Id, campaign.Settings.Mode, now);
                var ledger = await AbandonLedger.ForAsync(db, campaign, now, default);
                var snapshot = await LivePacingSnapshot.BuildAsync(db, campaign, ledger.ToBudget(), now, default);
                pacing.Pacer.LinesToOpen(snapshot); // no agents here: the lines are 100 whatever it says
                await PacingState.SaveAsync(db, campaign, snapshot, pacing.Pacer, 100, now, default);
                decide[i] = clock.Elapsed.TotalMilliseconds;
                var signal = provider.GetRequiredService<OutboxSignal>();
                var claimed = await claim(db, new StateChanges(db, signal, TimeProvider.System), campaign, 100);
                claiming[i] = clock.Elapsed.TotalMilliseconds - decide[i];
                var round = await dispatcher.DispatchOnceAsync(default);
                times[i] = clock.Elapsed.TotalMilliseconds;
                publish[i] = times[i] - decide[i] - claiming[i];
                if (round.Published < claimed) Console.Error.WriteLine($"tick {i}: {round} for {claimed}");
            }
            Console.WriteLine($"  phases (p50): decide {Median(decide):F1} ms, claim {Median(claiming):F1} ms, " +
                $"publish {Median(publish):F1} ms");
            return [.. times.Order()];
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    static double Median(double[] values) => values.Order().ElementAt(values.Length / 2);

    static Task EndCallsAsync(DialerDb db, Campaign campaign) => db.Database.ExecuteSqlAsync($"""
        UPDATE call_attempts SET state = {(int)AttemptState.Completed}, ended_at = now()
        WHERE campaign_id = {campaign.Id} AND state < {(int)AttemptState.Completed}
          AND id NOT IN (SELECT id FROM call_attempts WHERE campaign_id = {campaign.Id}
                           AND state < {(int)AttemptState.Completed} ORDER BY id DESC LIMIT {InFlight})
        """);
}
