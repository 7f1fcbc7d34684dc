using System.Text.Json;
using Dialer.Contracts;
using Dialer.Core.Campaigns;
using Dialer.Core.Changes;
using Dialer.Core.Compliance;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Core.Figures;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Bench.Claim;

/// <summary>
/// The claim as it was before issue 16 (commit 281a728), kept here to measure it beside today's in the same run: one
/// query locking wanted × 3 + 20 candidates in one index range with a sort on id, one query per permit input, and one
/// tracked UPDATE and INSERT per row in the save. It runs on today's index, which spares it the sort it had.
/// </summary>
public sealed class BaselineClaimer(DialerDb db)
{
    readonly DialLead _lead = DialLead.Default;

    public async Task<int> ClaimAsync(StateChanges changes, Campaign campaign, int wanted, CancellationToken ct) =>
        await changes.RunAsync(async (unit, token) =>
        {
            var permitted = await LockPermittedAsync(campaign, wanted, unit.Now, token);
            foreach (var contact in permitted) StartAttempt(unit.Now, campaign, contact);
            return permitted.Count;
        }, ct);

    /// <summary>As it was: tracked rows, and the PlaceCall's outbox row added as one more row to save.</summary>
    void StartAttempt(DateTimeOffset now, Campaign campaign, Contact contact)
    {
        contact.Status = ContactStatus.Dialing;
        contact.Attempts++;
        contact.LastAttemptAt = now;
        var attempt = CallAttempt.Create(campaign.Id, contact.Id, now);
        db.CallAttempts.Add(attempt);
        var message = new PlaceCall(attempt.Id, campaign.Id);
        db.OutboxMessages.Add(new OutboxMessage
        {
            Type = $"{typeof(PlaceCall).FullName}, {typeof(PlaceCall).Assembly.GetName().Name}", // OutboxTypes.NameOf
            Body = JsonSerializer.Serialize(message), CreatedAt = now,
        });
    }

    async Task<List<Contact>> LockPermittedAsync(Campaign campaign, int wanted, DateTimeOffset now,
        CancellationToken ct)
    {
        var scan = wanted * 3 + 20;
        var candidates = await db.Contacts.FromSql($"""
            SELECT * FROM contacts
            WHERE campaign_id = {campaign.Id} AND status = 'Pending' AND next_attempt_at <= {now}
              AND (held_until IS NULL OR held_until <= {now})
            ORDER BY priority, next_attempt_at, id
            LIMIT {scan}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        if (candidates.Count == 0) return [];

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
                people.GetValueOrDefault(contact.Phone), now, _lead);
            if (refusal is null && permitted.Count < wanted) permitted.Add(contact);
            else if (refusal is not null) contact.Defer(campaign.Settings, refusal, now, _lead);
        }
        return permitted;
    }
}
