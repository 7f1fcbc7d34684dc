using Dialer.Core.CallerIds;
using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Core.Scheduling;
using Dialer.Worker.Dialing;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Worker.CallerIds;

/// <summary>
/// The caller ID of one dial, just before it goes: today's use of the campaign's numbers from PostgreSQL, the rests
/// that are due, then <see cref="CallerIdChoice"/>, and the chosen number's call counted against its cap (a race lost
/// to another Worker for the last call chooses again). When no number may call, the attempt is given back to its
/// contact unspent and the campaign pauses with the reason: every dial would meet the same refusal until tomorrow or a
/// manager clears a rest. A campaign with no pool and no cap needs none of this: its one number can neither reach a
/// cap nor fall below its own pool's answer rate, so it is chosen without a round trip (the dial's claim records it).
/// </summary>
public sealed class CallerIdPicker(DialerDb db, AttemptUpdates updates, CampaignLifecycle lifecycle,
    TimeProvider clock, ILogger<CallerIdPicker> log)
{
    /// <returns>the number to call from, and whether its call is counted already; null when none may (the attempt is
    /// then settled here)</returns>
    public async Task<PickedCallerId?> ChooseAsync(CallAttempt attempt, Contact contact, Campaign campaign,
        CancellationToken ct)
    {
        var settings = campaign.Settings;
        if (!CallerIdPool.NeedsLedger(settings)) return new PickedCallerId(settings.CallerId, Counted: false);
        var pool = CallerIdPool.All(settings);
        for (var tries = 0; tries <= pool.Count; tries++)
        {
            var now = clock.GetUtcNow();
            var today = (await CallerIdLedger.TodayAsync(db, pool, now, ct)).ToDictionary(d => d.Key, d => d.Value.Use);
            foreach (var due in pool.Where(n => CallerIdRest.IsDue(n, today, settings.CallerIds.RestAfterCalls)))
                if (await CallerIdLedger.RestAsync(db, due, now, ct))
                    log.LogWarning("Caller ID {CallerId} of campaign {CampaignId} rests for the day: its answer rate "
                        + "fell below half its pool's", PhoneRedaction.Mask(due), campaign.Id);
            if (CallerIdChoice.Choose(settings, contact.Phone, today) is not { } chosen) break;
            if (!await CallerIdLedger.TryReserveAsync(db, chosen, settings.CallerIds.DailyCap, now, ct)) continue;
            await db.CallAttempts.Where(a => a.Id == attempt.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.CallerId, chosen), ct);
            return new PickedCallerId(chosen, Counted: true);
        }

        const string reason = "Every caller ID of the campaign is at its daily cap or resting: resume it on the "
            + "numbers' next day, after a manager clears a rest, or with more numbers in its pool.";
        var paused = await lifecycle.ScheduledAsync(campaign.Id, (c, now) => c.PauseFor(reason, now), "paused", reason,
            ct);
        if (paused.Done) log.LogWarning("Campaign {CampaignId} paused: {Reason}", campaign.Id, reason);
        var at = clock.GetUtcNow();
        await updates.ApplyAsync(attempt.Id, a => a.RefusedAtDial(CallerIdChoice.NoneAvailable, at), ct);
        return null;
    }
}

/// <param name="Counted">the ledger counted its call as it was chosen; else <see cref="CallerIdCounts"/> counts it
/// once it leaves</param>
public sealed record PickedCallerId(string Number, bool Counted);
