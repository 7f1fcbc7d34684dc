using Dialer.Contracts;
using Dialer.Core.Campaigns;
using Dialer.Core.Changes;
using Dialer.Core.Compliance;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Figures;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Dialing;

/// <summary>
/// Claims due contacts of one campaign in one transaction (FOR UPDATE SKIP LOCKED, so two nodes never
/// claim the same contact; a lock per number, so two campaigns never call one number at once: <see
/// cref="PersonCalls"/>), lets <see cref="DialPermit"/> decide for each, and creates one attempt per permitted contact,
/// whose PlaceCall goes out through the outbox with the claim's commit. The pacing job and the agents' preview
/// (Dialer.Core/Preview) both claim through here.
/// </summary>
public sealed class ContactClaimer(DialerDb db, DialLead? lead = null)
{
    /// <summary>How long a call claimed now may ring: the Worker's settings in it, the defaults elsewhere.</summary>
    public DialLead Lead { get; } = lead ?? DialLead.Default;

    /// <summary>Claims, and dials, in one unit of work: the attempts and their PlaceCall commit together.</summary>
    public async Task<IReadOnlyList<CallAttempt>> ClaimAsync(StateChanges changes, Campaign campaign, int wanted,
        CancellationToken ct)
    {
        if (wanted <= 0) return [];
        return await changes.RunAsync(async (unit, token) =>
        {
            var (permitted, _) = await LockPermittedAsync(campaign, wanted, unit.Now, token);
            return permitted.Select(contact => StartAttempt(unit, campaign, contact)).ToList();
        }, ct);
    }

    /// <summary>
    /// Inside the caller's transaction: locks up to <paramref name="wanted"/> due contacts that the permit allows, in
    /// dialing order, and defers the refused ones it met on the way. A contact an agent holds for preview is not due.
    /// </summary>
    /// <param name="scan">candidates to lock and judge; by default a few more than wanted, since some will be
    /// refused</param>
    /// <returns>the permitted contacts, and how many candidates were locked (none: nothing is due)</returns>
    public async Task<(List<Contact> Permitted, int Scanned)> LockPermittedAsync(Campaign campaign, int wanted,
        DateTimeOffset now, CancellationToken ct, int? scan = null)
    {
        scan ??= wanted * 3 + 20;
        var candidates = await db.Contacts.FromSql($"""
            SELECT * FROM contacts
            WHERE campaign_id = {campaign.Id} AND status = 'Pending' AND next_attempt_at <= {now}
              AND (held_until IS NULL OR held_until <= {now})
            ORDER BY priority, next_attempt_at, id
            LIMIT {scan}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        if (candidates.Count == 0) return ([], 0);

        var ids = candidates.Select(c => c.Id).ToList();
        var phones = candidates.Select(c => c.Phone).ToList();
        var recent = await AttemptsLast24Hours.ForAsync(db, ids, now, ct);
        var people = await PersonCalls.ForAsync(db, campaign.Id, phones, now, ct);
        var listed = (await db.DoNotCall.Where(DoNotCallMatch.BindsAny(phones, campaign.Id))
            .Select(d => d.Phone).ToListAsync(ct)).ToHashSet();
        var consents = await ConsentsHeld.ForAsync(db, ids, now, ct);

        var permitted = new List<Contact>(wanted);
        foreach (var contact in candidates)
        {
            var refusal = DialPermit.AtClaim(campaign, contact, listed.Contains(contact.Phone),
                consents.GetValueOrDefault(contact.Id), recent.GetValueOrDefault(contact.Id),
                    people.GetValueOrDefault(contact.Phone), now, Lead);
            if (refusal is null && permitted.Count < wanted) permitted.Add(contact);
            else if (refusal is not null) contact.Defer(campaign.Settings, refusal, now, Lead);
        }
        return (permitted, candidates.Count);
    }

    /// <summary>
    /// The permit again, for one contact already locked by the caller (an agent dialing the contact they previewed).
    /// </summary>
    public async Task<string?> RecheckAsync(Campaign campaign, Contact contact, DateTimeOffset now,
        CancellationToken ct)
    {
        var listed = await db.DoNotCall.AnyAsync(DoNotCallMatch.Binds(contact.Phone, campaign.Id), ct);
        var recent = (await AttemptsLast24Hours.ForAsync(db, [contact.Id], now, ct)).GetValueOrDefault(contact.Id);
        var person = (await PersonCalls.ForAsync(db, campaign.Id, [contact.Phone], now, ct))
            .GetValueOrDefault(contact.Phone);
        var consents = await ConsentsHeld.ForAsync(db, contact.Id, now, ct);
        return DialPermit.AtClaim(campaign, contact, listed, consents, recent, person, now, Lead);
    }

    /// <summary>
    /// The claim is what counts an attempt: the contact is in flight, its attempt row exists from here on, and its
    /// PlaceCall goes to the Worker with the change's commit.
    /// </summary>
    public CallAttempt StartAttempt(StateChange unit, Campaign campaign, Contact contact)
    {
        contact.Status = ContactStatus.Dialing;
        contact.Attempts++;
        contact.LastAttemptAt = unit.Now;
        var attempt = CallAttempt.Create(campaign.Id, contact.Id, unit.Now);
        db.CallAttempts.Add(attempt);
        unit.Publish(new PlaceCall(attempt.Id, campaign.Id));
        return attempt;
    }
}
