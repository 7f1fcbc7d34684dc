using System.Diagnostics;
using Dialer.Core.Campaigns;
using Dialer.Core.Changes;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Bench.TwoLists;

/// <summary>
/// Claims from every campaign at once, several claimers each, as the pacing job claims (<see cref="ContactClaimer"/>
/// through <see cref="StateChanges"/>), until no contact is due. Each claimed attempt is dialed (<see cref="Dial"/>)
/// and stays in flight while its claimer claims again, then ends no-answer (<see cref="CallEnds"/>): calls of both
/// campaigns are in flight together all the while, as on a live floor.
/// </summary>
public sealed class TwoCampaignDialing(Func<DialerDb> newDb, BenchClock clock, int claimersEach, int wanted = 100)
{
    public delegate Task<IReadOnlyList<CallAttempt>> Claim(DialerDb db, StateChanges changes, Campaign campaign,
        int wanted, CancellationToken ct);

    public static readonly Claim RealClaim = (db, changes, campaign, wanted, ct) =>
        new ContactClaimer(db).ClaimAsync(changes, campaign, wanted, ct);

    /// <summary>How long a refused contact may wait to be due again and still count as due: the claim's one-minute
    /// deferral while another campaign calls the number (<see cref="ContactDeferral"/>), with room.</summary>
    static readonly TimeSpan DueSoon = TimeSpan.FromMinutes(2);

    public sealed record Result(int Claimed, double Seconds, double[] ClaimMs, int Rounds);

    public async Task<Result> RunAsync(Campaign[] campaigns, Claim claim, CancellationToken ct)
    {
        var signal = new OutboxSignal();
        var times = new List<double>();
        var claimed = 0;
        var rounds = 0;
        var wall = Stopwatch.StartNew();
        while (true)
        {
            rounds++;
            var runs = campaigns.SelectMany(c => Enumerable.Range(0, claimersEach).Select(_ => Task.Run(async () =>
            {
                var mine = new List<double>();
                IReadOnlyList<CallAttempt> ringing = [];
                while (true)
                {
                    await using var db = newDb();
                    var watch = Stopwatch.StartNew();
                    var batch = await claim(db, new StateChanges(db, signal, clock), c, wanted, ct);
                    mine.Add(watch.Elapsed.TotalMilliseconds);
                    Interlocked.Add(ref claimed, batch.Count);
                    await Dial.LeavingAsync(db, batch, clock, ct);
                    await using (var ending = newDb()) // not the claim's: its tracked contacts would be stale
                        await CallEnds.NoAnswerAsync(ending, new StateChanges(ending, signal, clock), c.Settings,
                            ringing, ct);
                    ringing = batch;
                    if (batch.Count == 0) return mine;
                }
            }, ct))).ToList();
            foreach (var run in await Task.WhenAll(runs)) times.AddRange(run);
            if (await NextDueAsync(campaigns, ct) is not { } next) break;
            clock.MoveTo(next);
        }
        return new Result(claimed, wall.Elapsed.TotalSeconds, [.. times.Order()], rounds);
    }

    /// <summary>When the next Pending contact of the campaigns is due, if soon (a retry hours away is not).</summary>
    async Task<DateTimeOffset?> NextDueAsync(Campaign[] campaigns, CancellationToken ct)
    {
        await using var db = newDb();
        var ids = campaigns.Select(c => c.Id).ToArray();
        var horizon = clock.GetUtcNow() + DueSoon;
        return await db.Contacts.Where(c => ids.Contains(c.CampaignId) && c.Status == ContactStatus.Pending
                && c.NextAttemptAt <= horizon)
            .MinAsync(c => c.NextAttemptAt, ct);
    }
}
