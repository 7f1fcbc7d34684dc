using Dialer.Contracts;
using Dialer.Core.Campaigns;
using Dialer.Core.Changes;
using Dialer.Core.Compliance;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Compliance.Registries;
using Dialer.Core.Contacts;
using Dialer.Core.Contacts.Filters;
using Dialer.Core.Data;
using Dialer.Core.Figures;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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
            return await StartAttemptsAsync(unit, campaign, permitted, token);
        }, ct);
    }

    /// <summary>
    /// <see cref="StartAttempt"/> for many contacts in one round trip (the contacts' update and the attempts' insert,
    /// one statement each) rather than a statement per row; the tracked contacts are left as saved.
    /// </summary>
    async Task<List<CallAttempt>> StartAttemptsAsync(StateChange unit, Campaign campaign, List<Contact> contacts,
        CancellationToken ct)
    {
        if (contacts.Count == 0) return [];
        var attempts = new List<CallAttempt>(contacts.Count);
        foreach (var contact in contacts)
        {
            contact.Status = ContactStatus.Dialing;
            contact.Attempts++;
            contact.LastAttemptAt = unit.Now;
            db.Entry(contact).State = EntityState.Unchanged; // saved below
            var attempt = CallAttempt.Create(campaign.Id, contact.Id, unit.Now, contact.PhoneKind);
            attempts.Add(attempt);
            unit.Publish(new PlaceCall(attempt.Id, campaign.Id));
        }
        var (insert, values) = BulkInsert.Statement(db, attempts);
        var sql = $"""
            UPDATE contacts SET status = '{ContactStatus.Dialing}', attempts = attempts + 1, last_attempt_at = @now
            WHERE id = ANY(@ids);
            {insert}
            """; // built from constants and the model only: the values go as parameters
        await db.Database.ExecuteSqlRawAsync(sql, [new NpgsqlParameter("now", unit.Now),
            new NpgsqlParameter("ids", contacts.Select(c => c.Id).ToArray()), .. values], ct);
        return attempts;
    }

    /// <summary>
    /// Inside the caller's transaction: locks up to <paramref name="wanted"/> due contacts that the permit allows, in
    /// dialing order, and defers the refused ones it met on the way. A contact an agent holds for preview is not due.
    /// It locks a page a little larger than what is still wanted, then the next page after it while refusals leave
    /// it short, never more than <paramref name="scan"/> candidates in all.
    /// </summary>
    /// <param name="scan">at most this many candidates locked and judged, in one page when given; by default a few
    /// times wanted, since some may be refused</param>
    /// <returns>the permitted contacts, and how many candidates were locked (none: nothing is due)</returns>
    public async Task<(List<Contact> Permitted, int Scanned)> LockPermittedAsync(Campaign campaign, int wanted,
        DateTimeOffset now, CancellationToken ct, int? scan = null)
    {
        var most = scan ?? wanted * 3 + 20;
        var permitted = new List<Contact>(wanted);
        var scanned = 0;
        DueContacts.Key? after = null;
        DueRanges.Key? afterInRanges = null;
        var ranges = campaign.Settings.LeadOrder.ByLocalTime // else the claim as it always was
            ? await DueRanges.ForAsync(db, campaign, now, Lead.AtClaim, ct) : null;
        var registries = await RegistryCopies.ForTeamAsync(db, campaign.TeamId, now, ct);
        while (permitted.Count < wanted && scanned < most)
        {
            var page = Math.Min(most - scanned, scan ?? DueContacts.PageFor(wanted - permitted.Count));
            var candidates = ranges is null ? await DueContacts.LockAsync(db, campaign.Id, now, page, after, ct)
                : await ranges.LockAsync(db, campaign.Id, now, page, afterInRanges, ct);
            if (candidates.Count == 0) break;
            scanned += candidates.Count;
            if (ranges is null) after = DueContacts.Key.Of(candidates[^1]); // before a deferral moves it
            else afterInRanges = ranges.KeyOf(candidates[^1]);

            var inputs = await ClaimInputs.ForAsync(db, campaign.Id, candidates, now, ct, registries);
            foreach (var contact in candidates)
            {
                if (!ContactFilter.Admits(campaign.Settings.DialFilter, contact))
                {
                    contact.Defer(campaign.Settings, OutsideDialFilter, now, Lead); // Pending by another path
                    continue;
                }
                var i = inputs.GetValueOrDefault(contact.Id);
                var refusal = DialPermit.AtClaim(campaign, contact, i.OnDoNotCall, i.Consents, i.AttemptsLast24Hours,
                    i.Person, now, Lead, i.Registries(registries));
                if (refusal is null && permitted.Count < wanted) permitted.Add(contact);
                else if (refusal is not null) contact.Defer(campaign.Settings, refusal, now, Lead);
            }
            if (candidates.Count < page || scan is not null) break; // nothing more due, or one page asked for
        }
        return (permitted, scanned);
    }

    /// <summary>
    /// The permit again, for one contact already locked by the caller (an agent dialing the contact they previewed).
    /// </summary>
    public async Task<string?> RecheckAsync(Campaign campaign, Contact contact, DateTimeOffset now,
        CancellationToken ct)
    {
        if (!ContactFilter.Admits(campaign.Settings.DialFilter, contact)) return OutsideDialFilter;
        var listed = await db.DoNotCall.AnyAsync(DoNotCallMatch.Binds(contact.Phone, campaign.Id), ct);
        var recent = (await AttemptsLast24Hours.ForAsync(db, [contact.Id], now, ct)).GetValueOrDefault(contact.Id);
        var person = (await PersonCalls.ForAsync(db, campaign.Id, [contact.Phone], now, ct))
            .GetValueOrDefault(contact.Phone);
        var consents = await ConsentsHeld.ForAsync(db, contact.Id, now, ct);
        var registries = await RegistryListing.ForAsync(db, campaign.TeamId, contact.Phone, now, ct);
        return DialPermit.AtClaim(campaign, contact, listed, consents, recent, person, now, Lead, registries);
    }

    public const string OutsideDialFilter = "outside-dial-filter";

    /// <summary>
    /// The claim is what counts an attempt: the contact is in flight, its attempt row exists from here on, and its
    /// PlaceCall goes to the Worker with the change's commit.
    /// </summary>
    public CallAttempt StartAttempt(StateChange unit, Campaign campaign, Contact contact)
    {
        contact.Status = ContactStatus.Dialing;
        contact.Attempts++;
        contact.LastAttemptAt = unit.Now;
        var attempt = CallAttempt.Create(campaign.Id, contact.Id, unit.Now, contact.PhoneKind);
        db.CallAttempts.Add(attempt);
        unit.Publish(new PlaceCall(attempt.Id, campaign.Id));
        return attempt;
    }
}
