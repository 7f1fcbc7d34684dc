using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dialer.Worker.Dialing.AccountRate;

/// <summary>
/// Keeps this Worker's row in worker_leases fresh and retunes its Twilio rate limiter to its share of the account's
/// calls per second: the account's whole calls a second divided among the Workers seen within three heartbeats. A
/// Worker that dies stops renewing and the others take its part within seconds; one that stops cleanly removes its row
/// at once. A Worker that cannot renew its lease for that long dials nothing: the others no longer count it.
/// </summary>
public sealed class WorkerLeaseHeartbeat(IServiceScopeFactory scopes, AccountRateLimiter limiter,
    IOptions<TwilioOptions> options, TimeProvider clock, ILogger<WorkerLeaseHeartbeat> log) : BackgroundService
{
    // one heartbeat at a time across the Workers: two joining at once cannot both believe they are alone
    const long HeartbeatLockKey = 0x5ca1ab1e_0001;
    readonly Guid _id = Guid.NewGuid();
    readonly string _node = $"{Environment.MachineName}/{Environment.ProcessId}";
    long? _liveSince;
    long _lastRenewed = clock.GetTimestamp();

    TimeSpan Heartbeat => TimeSpan.FromMilliseconds(options.Value.RateShareHeartbeatMilliseconds);
    TimeSpan LiveWindow => Heartbeat * 3;

    public Guid LeaseId => _id;

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Heartbeat, clock);
        do
        {
            try { await BeatAsync(ct); }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log.LogWarning(e, "Worker lease not renewed");
                if (clock.GetElapsedTime(_lastRenewed) > LiveWindow)
                    Retune(RateShare.Quota.Whole(0), "lease lapsed");
            }
        } while (await timer.WaitForNextTickAsync(ct));
    }

    /// <summary>One heartbeat: renew the lease, count the live Workers, retune.</summary>
    public async Task BeatAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DialerDb>();
        var window = LiveWindow;
        var workers = await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(token);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({HeartbeatLockKey})", token);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO worker_leases (id, node, started_at, last_seen) VALUES ({_id}, {_node}, now(), now())
                ON CONFLICT (id) DO UPDATE SET last_seen = now()
                """, token);
            var seen = await db.Database.SqlQuery<LiveWorkers>($"""
                SELECT count(*)::int AS live, (count(*) FILTER (WHERE id < {_id}))::int AS rank
                FROM worker_leases WHERE last_seen > now() - {window}
                """).SingleAsync(token);
            await db.Database.ExecuteSqlAsync(
                $"DELETE FROM worker_leases WHERE last_seen < now() - interval '1 hour'", token);
            await tx.CommitAsync(token);
            return seen;
        }, ct);

        var now = clock.GetTimestamp();
        if (clock.GetElapsedTime(_lastRenewed, now) > window) _liveSince = null; // the others stopped counting us
        _lastRenewed = now;
        _liveSince ??= now;
        // every other Worker renews within one heartbeat (and waits its turn on the lock): two leave a margin
        var seenByAll = clock.GetElapsedTime(_liveSince.Value, now) >= Heartbeat * 2;
        Retune(RateShare.Of(options.Value.AccountCallsPerSecond, workers.Live, workers.Rank, seenByAll),
            $"{workers.Live} live Workers");
    }

    sealed record LiveWorkers(int Live, int Rank);

    void Retune(RateShare.Quota share, string why)
    {
        if (limiter.Share == share) return;
        limiter.Retune(share);
        log.LogInformation("This Worker's share of the account's rate: {Share:0.##} calls/s ({Why})", share.PerSecond,
            why);
    }

    public override async Task StopAsync(CancellationToken ct)
    {
        await base.StopAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DialerDb>();
            await db.Database.ExecuteSqlAsync($"DELETE FROM worker_leases WHERE id = {_id}", ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Worker lease not released; the others take its part when it lapses");
        }
    }
}
