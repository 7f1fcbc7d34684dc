using Dialer.Core.Campaigns;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Core.Figures;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Contacts;

/// <summary>
/// A contact of several numbers moves to its next when the one it was dialed on will not reach them, inside the unit
/// of work that ends the attempt (the contact locked): a number on a do-not-call list binding the campaign, or held by
/// another contact of the campaign, is passed over with its status saying why. It is done only with no number left.
/// </summary>
public static class ContactNextNumber
{
    /// <summary>
    /// After <see cref="ContactOutcome.Record"/> or a disposition, once the call is over (never while it lasts: the
    /// contact would be due on another number with its call still up): a contact that is done moves on when the
    /// attempt's end says the number is spent, or an agent heard a wrong number on it.
    /// </summary>
    /// <returns>whether it moved to another number</returns>
    public static Task<bool> AfterAttemptAsync(DialerDb db, Contact contact, CallAttempt attempt,
        CampaignSettings settings, DateTimeOffset now, CancellationToken ct) =>
        NumberAdvance.SpentBy(contact, attempt, settings.Mode) is { } spent
            ? MoveOnAsync(db, contact, spent, attempt.Outcome, settings, now, ct)
            : Task.FromResult(false);

    /// <summary>Marks the contact's number <paramref name="spentAs"/> and moves it to the next one that may be
    /// dialed; with none left the contact is done.</summary>
    public static async Task<bool> MoveOnAsync(DialerDb db, Contact contact, NumberStatus spentAs, string? outcome,
        CampaignSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        if (contact.Numbers is not { } numbers || contact.Status == ContactStatus.Suppressed) return false;
        var waiting = NumberAdvance.Waiting(contact).Select(n => n.Phone).ToList();
        var blocked = new Dictionary<string, NumberStatus>();
        if (waiting.Count > 0)
        {
            foreach (var phone in await db.Contacts.Where(c => c.CampaignId == contact.CampaignId
                         && c.Id != contact.Id && waiting.Contains(c.Phone)).Select(c => c.Phone).ToListAsync(ct))
                blocked[phone] = NumberStatus.Duplicate;
            foreach (var phone in await db.DoNotCall.Where(DoNotCallMatch.BindsAny(waiting, contact.CampaignId))
                         .Select(d => d.Phone).ToListAsync(ct))
                blocked[phone] = NumberStatus.DoNotCall; // the stronger reason
        }
        var step = NumberAdvance.Next(numbers, contact.Phone, spentAs, contact.Attempts, outcome,
            settings.NumberOrder, blocked);
        if (step.Next is not { } next)
        {
            contact.Numbers = step.Numbers;
            contact.Status = ContactStatus.Done;
            contact.NextAttemptAt = null;
            return false;
        }
        // the calls made so far keep counting for the number they went to, by its hash (Privacy.PhoneHash: calls per
        // person, abandoned lockouts), and for the contact's next numbers through the contact: the history follows them
        await db.Database.ExecuteSqlAsync($"""
            UPDATE call_attempts SET phone_hash = dialer_phone_hash({contact.Phone})
            WHERE contact_id = {contact.Id} AND phone_hash IS NULL
            """, ct);
        contact.MoveTo(next, step.Numbers, now);
        return true;
    }
}
