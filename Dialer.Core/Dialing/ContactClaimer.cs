using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Dialing;

/// <summary>
/// Claims due contacts of one campaign in one transaction (FOR UPDATE SKIP LOCKED, so two nodes never
/// claim the same contact), lets <see cref="DialPermit"/> decide for each, and creates one attempt per
/// permitted contact. The attempts are committed before anything is published: the attempt row is the outbox.
/// </summary>
public sealed class ContactClaimer(DialerDb db)
{
    public async Task<IReadOnlyList<CallAttempt>> ClaimAsync(Campaign campaign, int wanted, DateTimeOffset now, CancellationToken ct)
    {
        if (wanted <= 0) return [];
        var scan = wanted * 3 + 20; // some candidates will be refused (window, caps): look a little further
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var candidates = await db.Contacts.FromSql($"""
            SELECT * FROM contacts
            WHERE campaign_id = {campaign.Id} AND status = 'Pending' AND next_attempt_at <= {now}
            ORDER BY priority, next_attempt_at, id
            LIMIT {scan}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        if (candidates.Count == 0) return [];

        var ids = candidates.Select(c => c.Id).ToList();
        var phones = candidates.Select(c => c.Phone).ToList();
        var dayAgo = now.AddDays(-1);
        var today = await db.CallAttempts.Where(a => ids.Contains(a.ContactId) && a.CreatedAt > dayAgo)
            .GroupBy(a => a.ContactId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var listed = (await db.DoNotCall.Where(d => phones.Contains(d.Phone) && (d.CampaignId == null || d.CampaignId == campaign.Id))
            .Select(d => d.Phone).ToListAsync(ct)).ToHashSet();

        var attempts = new List<CallAttempt>(wanted);
        foreach (var contact in candidates)
        {
            var refusal = DialPermit.AtClaim(campaign, contact, listed.Contains(contact.Phone), today.GetValueOrDefault(contact.Id), now);
            if (refusal is null && attempts.Count < wanted)
            {
                contact.Status = ContactStatus.Dialing;
                contact.Attempts++;
                contact.LastAttemptAt = now;
                var attempt = CallAttempt.Create(campaign.Id, contact.Id, now);
                attempts.Add(attempt);
                db.CallAttempts.Add(attempt);
            }
            else if (refusal is not null) Defer(contact, campaign, refusal, now);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return attempts;
    }

    /// <summary>A refused contact is put where the next scans will not see it again until it may be called.</summary>
    static void Defer(Contact contact, Campaign campaign, string refusal, DateTimeOffset now)
    {
        switch (refusal)
        {
            case DialPermit.DoNotCall:
                contact.Status = ContactStatus.Suppressed;
                break;
            case DialPermit.AttemptsExhausted:
                contact.Status = ContactStatus.Done;
                contact.LastOutcome = refusal;
                break;
            case DialPermit.OutsideHours when CallingHours.NextOpening(campaign.Settings.CallingWindow, contact.TimeZones, now) is { } opens:
                contact.NextAttemptAt = opens;
                break;
            case DialPermit.OutsideHours:
                // no zone known, or no hour that fits every zone it may be in: never lawful to call
                contact.Status = ContactStatus.Done;
                contact.LastOutcome = contact.TimeZones.Length == 0 ? "zone-unknown" : "no-common-calling-hours";
                break;
            default:
                contact.NextAttemptAt = now.AddHours(1);
                break;
        }
    }
}
