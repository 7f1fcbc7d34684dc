using Dialer.Core.Campaigns;
using Dialer.Core.Changes;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Figures;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Dialing;

/// <summary>
/// A call's disposition and everything that follows from it (converted, the contact's disposition, the do-not-call
/// list, a callback): one path, whether an agent chose it or the healer chose it for a simulated agent.
/// </summary>
public static class Disposal
{
    /// <summary>Call with the attempt row locked; the contact is locked here, after it (<see cref="RowKind"/>).
    /// </summary>
    public static async Task<(Refusal? Refusal, Contact? Contact)> DisposeAsync(StateChange change, CallAttempt attempt,
        string disposition, string? notes, DateTimeOffset? callbackAt, CampaignSettings settings, string? by,
        CancellationToken ct, string? scriptAnswers = null)
    {
        if (attempt.TryDispose(disposition, notes, settings, change.Now, scriptAnswers) is { } refusal)
            return (refusal, null);
        var contact = (await change.LockContactAsync(attempt.ContactId, ct))!;
        contact.Disposition = disposition;
        await ApplyToContactAsync(change.Db, contact, disposition, callbackAt, settings, by, change.Now, ct);
        await ApplyDispositionRuleAsync(change.Db, contact, attempt, settings, change.Now, ct);
        await ContactNextNumber.AfterAttemptAsync(change.Db, contact, attempt, settings, change.Now, ct);
        return (null, contact);
    }

    /// <summary>
    /// The campaign's rule for this disposition, once the call is over (while it lasts, its end applies the rule: a
    /// contact due again mid-call could be claimed twice).
    /// </summary>
    static async Task ApplyDispositionRuleAsync(DialerDb db, Contact contact, CallAttempt attempt,
        CampaignSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        if (!attempt.IsFinal || contact.Status == ContactStatus.Suppressed
            || DispositionRule.For(settings.DispositionRules, attempt.Disposition) is null) return;
        var earlier = await db.CallAttempts.AsNoTracking()
            .Where(a => a.ContactId == contact.Id && a.Id != attempt.Id).ToListAsync(ct);
        var (sameEnd, sameDisposition) = ContactOutcome.SameBefore(attempt, earlier, settings);
        contact.Apply(RetryPolicy.Decide(settings,
            contact.RetryCase(attempt, settings, sameEnd, sameDisposition, now)));
    }

    static async Task ApplyToContactAsync(DialerDb db, Contact contact, string disposition, DateTimeOffset? callbackAt,
        CampaignSettings settings, string? by, DateTimeOffset now, CancellationToken ct)
    {
        if (Dispositions.IsDoNotCall(disposition))
        {
            Guid? listCampaign = settings.DoNotCallDispositionIsGlobal ? null : contact.CampaignId;
            await CustomerOptOut.ApplyAsync(db, contact, listCampaign, "agent disposition", by,
                DoNotCallSources.CustomerRequest, now, ct);
        }
        else if (Dispositions.IsCallback(disposition))
        {
            contact.CallbackAt = callbackAt;
            contact.NextAttemptAt = callbackAt;
            contact.Priority = DialPriority.Callback;
            contact.Status = ContactStatus.Pending;
        }
        else if (Dispositions.IsWrongNumber(disposition))
        {
            contact.Status = ContactStatus.Done;
            contact.NextAttemptAt = null;
        }
    }
}
