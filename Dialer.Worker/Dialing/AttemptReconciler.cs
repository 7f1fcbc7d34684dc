using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Worker.Agents.Lines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Dialer.Worker.Dialing;

/// <summary>
/// Settles attempts whose fate the engine does not know, from Twilio's side, every few seconds:
/// an attempt whose create was lost is looked up (by its call SID, or by calls to that number since
/// it was sent) and adopts what Twilio says; one that Twilio never saw ends as not placed, and is retried
/// by the campaign's rules as a new attempt. It also owns what no consumer will send: an attempt whose PlaceCall sat in
/// the error queue (or was lost) ends unsent, and its contact is due again with its attempt given back. A customer
/// whose join of their agent's room was lost is found there first (<see cref="LostJoins"/>).
/// </summary>
public sealed class AttemptReconciler(IServiceScopeFactory scopes, TimeProvider clock, IOptions<TwilioOptions> options,
    ILogger<AttemptReconciler> log)
    : BackgroundService
{
    static readonly TimeSpan Every = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Every, clock);
        var started = clock.GetUtcNow();
        var swept = false;
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                if (!swept) await SweepLiveCallsAsync(started, ct);
                swept = true;
                await RunOnceAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Reconciliation round failed");
            }
        }
    }

    public async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DialerDb>();
        var now = clock.GetUtcNow();
        var grace = TimeSpan.FromSeconds(options.Value.RequestTimeoutSeconds * 2 + 5);
        await LostJoins.RecoverAsync(scope.ServiceProvider, now, LostJoins.After, log, ct);

        // a worker that died mid-request leaves its attempt in Dialing: settle it like a lost answer. The stamp is
        // renewed as each request leaves (DialClaim) and the grace outlasts one request and a retry's pause, so a dial
        // still being sent is never taken; one taken is withdrawn by the dialer before it is sent again.
        await db.CallAttempts.Where(a => a.State == AttemptState.Dialing && a.DialedAt < now - grace)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.State, AttemptState.Unknown)
            .SetProperty(a => a.Error, "worker lost mid-dial"), ct);

        await SettleStrandedAsync(scope.ServiceProvider, now, ct);

        var unknown = await db.CallAttempts.AsNoTracking().Where(a => a.State == AttemptState.Unknown)
            .OrderBy(a => a.DialedAt).Take(100).ToListAsync(ct);
        foreach (var attempt in unknown) await ReconcileOneAsync(scope.ServiceProvider, attempt, now, grace, ct);

        // unanswered past the ring deadline: the call is over whatever we heard; the long-call check is for the rest
        var ringDeadline = now - options.Value.Lead.Ring - options.Value.Lead.Request
            - TimeSpan.FromSeconds(options.Value.RingDeadlineGraceSeconds);
        await ReconcileLiveAsync(scope.ServiceProvider, AttemptState.Ringing, ringDeadline, now, grace, ct);

        var staleBefore = now.AddSeconds(-options.Value.StaleCallCheckSeconds);
        await ReconcileLiveAsync(scope.ServiceProvider, AttemptState.InProgress, staleBefore, now, grace, ct);
        await ReconcileUnnamedAsync(scope.ServiceProvider, now, staleBefore, ct);
        await ReconcileToldAsync(scope.ServiceProvider, now, grace, ct);
    }

    /// <summary>
    /// A call given a message instead of an agent ends with the message: a minute on, it is surely over.
    /// </summary>
    static readonly TimeSpan MessageCallBound = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Live calls nobody talks to that were given the safe-harbour or fallback message a while ago: their last callback
    /// was lost (the database or the Worker away as they ended, or the answer recorded only once the database was
    /// back), so Twilio is asked now rather than after the long-call check.
    /// </summary>
    async Task ReconcileToldAsync(IServiceProvider services, DateTimeOffset now, TimeSpan grace, CancellationToken ct)
    {
        var told = await services.GetRequiredService<DialerDb>().CallAttempts.AsNoTracking()
            .Where(a => a.State == AttemptState.InProgress && a.CallSid != null && a.BridgedAt == null
                && a.MessageStartedAt < now - MessageCallBound)
            .OrderBy(a => a.MessageStartedAt).Take(100).ToListAsync(ct);
        foreach (var attempt in told) await ReconcileOneAsync(services, attempt, now, grace, ct);
    }

    /// <summary>
    /// Attempts Twilio spoke of (a live state) that never learned their call's SID: none of their callbacks named it
    /// (the Worker was down for all of them). Their call is looked up by number at once and adopted; one Twilio cannot
    /// find by the long-call check's time ends as lost rather than staying live for ever.
    /// </summary>
    async Task ReconcileUnnamedAsync(IServiceProvider services, DateTimeOffset now, DateTimeOffset staleBefore,
        CancellationToken ct)
    {
        var unnamed = await services.GetRequiredService<DialerDb>().CallAttempts.AsNoTracking()
            .Where(a => a.State >= AttemptState.Queued && a.State < AttemptState.Completed && a.CallSid == null)
            .OrderBy(a => a.DialedAt).Take(100).ToListAsync(ct);
        foreach (var attempt in unnamed)
            await ReconcileOneAsync(services, attempt, now, notPlacedAfter: null, lostAfter: staleBefore, ct);
    }

    /// <summary>
    /// Once, as this Worker starts: every call still live that was dialed before is looked up in Twilio. A Worker
    /// killed (or every Worker down) while calls ended lost their final callbacks, which Twilio never sends again;
    /// their contacts would stay Dialing, their agents on call, until the long-call check.
    /// </summary>
    async Task SweepLiveCallsAsync(DateTimeOffset started, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var now = clock.GetUtcNow();
        var grace = TimeSpan.FromSeconds(options.Value.RequestTimeoutSeconds * 2 + 5);
        await LostJoins.RecoverAsync(scope.ServiceProvider, now, TimeSpan.Zero, log, ct);
        var live = await scope.ServiceProvider.GetRequiredService<DialerDb>().CallAttempts.AsNoTracking()
            .Where(a => a.State >= AttemptState.Queued && a.State < AttemptState.Completed && a.CallSid != null
                && a.DialedAt < started)
            .OrderBy(a => a.DialedAt).Take(LiveSweepLimit).ToListAsync(ct);
        foreach (var attempt in live) await ReconcileOneAsync(scope.ServiceProvider, attempt, now, grace, ct);
        if (live.Count > 0) log.LogInformation("Started: {Count} live calls looked up in Twilio", live.Count);
    }

    const int LiveSweepLimit = 5000;

    /// <summary>Attempts Twilio placed, in a live state up to <paramref name="latest"/>, dialed before
    /// <paramref name="dialedBefore"/>: their fate is asked of Twilio.</summary>
    async Task ReconcileLiveAsync(IServiceProvider services, AttemptState latest, DateTimeOffset dialedBefore,
        DateTimeOffset now, TimeSpan grace, CancellationToken ct)
    {
        var stale = await services.GetRequiredService<DialerDb>().CallAttempts.AsNoTracking()
            .Where(a => a.State >= AttemptState.Queued && a.State <= latest && a.CallSid != null
                && a.DialedAt < dialedBefore)
            .OrderBy(a => a.DialedAt).Take(100).ToListAsync(ct);
        foreach (var attempt in stale) await ReconcileOneAsync(services, attempt, now, grace, ct);
    }

    /// <summary>
    /// Attempts still Created long after their claim: their PlaceCall is in the error queue, or was lost. Each is ended
    /// under its row lock, and only if still Created, so a Worker taking it at that moment (or another reconciler) and
    /// this one never both have it.
    /// </summary>
    async Task SettleStrandedAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct)
    {
        var db = services.GetRequiredService<DialerDb>();
        var updates = services.GetRequiredService<AttemptUpdates>();
        var bound = TimeSpan.FromSeconds(options.Value.StrandedAttemptSeconds);
        var stranded = await db.CallAttempts.AsNoTracking()
            .Where(a => a.State == AttemptState.Created && a.CreatedAt < now - bound)
            .OrderBy(a => a.CreatedAt).Select(a => a.Id).Take(100).ToListAsync(ct);
        var reason = $"its PlaceCall was not taken within {bound.TotalSeconds:0} s";
        foreach (var id in stranded)
        {
            try
            {
                var ended = false;
                await updates.ApplyAsync(id, a => ended = a.Stranded(reason, now), ct);
                if (ended) log.LogWarning("Attempt {AttemptId} ended unsent: {Reason}; its contact is due again",
                    id, reason);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Stranded attempt {AttemptId} could not be settled this round",
                    id);
            }
        }
    }

    /// <summary>
    /// One attempt's trouble (Twilio down, a row gone) is logged and left for the next round; the others go on.
    /// </summary>
    Task ReconcileOneAsync(IServiceProvider services, CallAttempt attempt, DateTimeOffset now, TimeSpan grace,
        CancellationToken ct) => ReconcileOneAsync(services, attempt, now, now - grace, lostAfter: null, ct);

    async Task ReconcileOneAsync(IServiceProvider services, CallAttempt attempt, DateTimeOffset now,
        DateTimeOffset? notPlacedAfter, DateTimeOffset? lostAfter, CancellationToken ct)
    {
        try { await ReconcileAsync(services, attempt, now, notPlacedAfter, lostAfter, ct); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Attempt {AttemptId} could not be reconciled this round",
                attempt.Id);
        }
    }

    /// <param name="notPlacedAfter">an attempt sent before this that Twilio cannot find was never placed</param>
    /// <param name="lostAfter">an attempt Twilio spoke of, sent before this, that it cannot find is lost</param>
    async Task ReconcileAsync(IServiceProvider services, CallAttempt attempt, DateTimeOffset now,
        DateTimeOffset? notPlacedAfter, DateTimeOffset? lostAfter, CancellationToken ct)
    {
        var db = services.GetRequiredService<DialerDb>();
        var updates = services.GetRequiredService<AttemptUpdates>();
        var twilio = services.GetRequiredService<TwilioClients>().Create();
        var found = await FindCallAsync(db, twilio, attempt, ct);

        if (ReferenceEquals(found, CallGone))
        {
            // Twilio created the call (we hold its SID) but no longer knows it: its records are gone (another account,
            // a restarted simulator). Nothing will ever report on it, so it ends here; the retry rules decide what
            // follows.
            log.LogWarning("Attempt {AttemptId}: Twilio does not know its call {CallSid} (20404); ended as lost",
                attempt.Id, attempt.CallSid);
            await updates.ApplyAsync(attempt.Id, a => a.End(AttemptState.Failed, "call-record-lost", now), ct);
        }
        else if (found is not null)
        {
            var state = TwilioStatus.ToState(found.Status?.ToString()) ?? AttemptState.Queued;
            log.LogInformation(
                "Attempt {AttemptId} reconciled: Twilio has call {CallSid} ({Status})", attempt.Id, found.Sid, state);
            await updates.ApplyAsync(attempt.Id, a =>
            {
                a.AnsweredBy ??= found.AnsweredBy;
                if (state.IsFinal() && int.TryParse(found.Duration, out var seconds)) a.DurationSeconds = seconds;
                if (state.IsFinal() && found.StartTime is { } started && a.AnsweredAt is null
                    && found.AnsweredBy is not null)
                    a.AnsweredAt = started;
                a.Placed(found.Sid, state, found.EndTime ?? now);
                return true;
            }, ct);
        }
        else if (attempt.DialedAt < lostAfter)
        {
            log.LogWarning(
                "Attempt {AttemptId}: Twilio spoke of its call but cannot find it; ended as lost", attempt.Id);
            await updates.ApplyAsync(attempt.Id, a => a.End(AttemptState.Failed, "call-record-lost", now), ct);
        }
        else if (attempt.DialedAt < notPlacedAfter)
        {
            log.LogInformation("Attempt {AttemptId} reconciled: Twilio never created its call", attempt.Id);
            await updates.ApplyAsync(attempt.Id, a => a.NeverPlaced(now), ct);
        }
    }

    /// <summary>
    /// Stands for "Twilio answered 20404 for this SID" (the SDK's resource type has no public constructor to mark it).
    /// </summary>
    static readonly CallResource CallGone = CallResource.FromJson("{}");

    static async Task<CallResource?> FindCallAsync(DialerDb db, Twilio.Clients.ITwilioRestClient twilio,
        CallAttempt attempt, CancellationToken ct)
    {
        if (attempt.CallSid is { } sid)
        {
            try { return await CallResource.FetchAsync(sid, client: twilio); }
            catch (Twilio.Exceptions.ApiException e) when (e.Code == 20404) { return CallGone; }
        }
        var phone = await db.Contacts.Where(c => c.Id == attempt.ContactId).Select(c => c.Phone).SingleAsync(ct);
        // the pool's choice, once made; an attempt from before pools shows the campaign's default
        var callerId = attempt.CallerId ?? (await db.Campaigns.Where(c => c.Id == attempt.CampaignId)
            .Select(c => c.Settings).SingleAsync(ct)).CallerId;
        var calls = await CallResource.ReadAsync(to: new PhoneNumber(phone), from: new PhoneNumber(callerId),
            pageSize: 50, limit: 50, client: twilio);
        var since = (attempt.DialedAt ?? attempt.CreatedAt).UtcDateTime.AddSeconds(-2);
        // calls to this number from this caller ID created since the attempt was sent; the earliest is this attempt's
        var ours = calls.Where(c => c.DateCreated is null || c.DateCreated >= since).OrderBy(c => c.DateCreated)
            .FirstOrDefault();
        if (ours is null) return null;
        var taken = await db.CallAttempts.AnyAsync(a => a.CallSid == ours.Sid, ct);
        return taken ? null : ours;
    }
}
