using Dialer.Core.Campaigns;
using Dialer.Core.Changes;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Bench.TwoLists;

/// <summary>
/// Calls that rang out unanswered, ended the way the Worker's AttemptUpdates ends one (the attempt's row locked, then
/// its contact's; Twilio's create answer, then the no-answer status; the contact's outcome and next attempt by the
/// retry rules) for a batch in one unit of work rather than one per call. Not done here: the CallCompleted event,
/// the metrics and the agent's wrap-up, which no rule of the claim reads.
/// </summary>
public static class CallEnds
{
    public static async Task NoAnswerAsync(DialerDb db, StateChanges changes, CampaignSettings settings,
        IReadOnlyList<CallAttempt> calls, CancellationToken ct)
    {
        if (calls.Count == 0) return;
        var ids = calls.Select(a => a.Id).ToArray();
        var contactIds = calls.Select(a => a.ContactId).ToArray();
        await changes.RunAsync(async (unit, token) =>
        {
            var attempts = await db.CallAttempts
                .FromSql($"SELECT * FROM call_attempts WHERE id = ANY({ids}) ORDER BY id FOR UPDATE")
                .ToListAsync(token);
            var contacts = await db.Contacts
                .FromSql($"SELECT * FROM contacts WHERE id = ANY({contactIds}) ORDER BY id FOR UPDATE")
                .ToDictionaryAsync(c => c.Id, token);
            var earlier = (await db.CallAttempts.AsNoTracking()
                .Where(a => contactIds.Contains(a.ContactId) && !ids.Contains(a.Id)).ToListAsync(token))
                .ToLookup(a => a.ContactId);
            foreach (var attempt in attempts)
            {
                attempt.Placed($"CA{attempt.Id:N}", AttemptState.Ringing, unit.Now);
                if (!attempt.Advance(AttemptState.NoAnswer, unit.Now)) continue;
                attempt.SettleAbandon(unit.Now);
                var (sameEnd, sameDisposition) = ContactOutcome.SameBefore(attempt, earlier[attempt.ContactId],
                    settings);
                contacts[attempt.ContactId].Record(attempt, settings, sameEnd, unit.Now, DialLead.Default,
                    sameDisposition);
            }
        }, ct);
    }
}
