using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Compliance.Registries;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Core.Figures;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Worker.Dialing;

/// <summary>
/// What one dial needs, each read in one statement: before its turn, the attempt with its contact and campaign; as its
/// request leaves, the contact and campaign again with the do-not-call match and whether consents and registry copies
/// exist at all, which only the few contacts and teams that have them read further.
/// </summary>
public static class DialFacts
{
    public sealed record Dial(CallAttempt Attempt, Contact Contact, Campaign Campaign);

    /// <returns>null when the attempt does not exist</returns>
    public static Task<Dial?> ForAttemptAsync(DialerDb db, Guid attemptId, CancellationToken ct) =>
        (from a in db.CallAttempts.AsNoTracking()
         where a.Id == attemptId
         join c in db.Contacts.AsNoTracking() on a.ContactId equals c.Id
         join k in db.Campaigns.AsNoTracking() on a.CampaignId equals k.Id
         select new Dial(a, c, k)).SingleOrDefaultAsync(ct);

    /// <returns>the refusal of <see cref="DialPermit.BeforeDial"/> at <paramref name="now"/>, or null: it may dial
    /// </returns>
    /// <remarks>The do-not-call and registry match is of the number the request calls, read before its turn.</remarks>
    public static async Task<string?> RefusalAsync(DialerDb db, Dial dial, DialLead lead, DateTimeOffset now,
        CancellationToken ct)
    {
        var phone = dial.Contact.Phone;
        var listed = DoNotCallMatch.Binds(phone, dial.Campaign.Id);
        var copies = RegistryCopies.Binding(db, dial.Campaign.TeamId);
        var facts = await (
            from c in db.Contacts.AsNoTracking()
            where c.Id == dial.Contact.Id
            from k in db.Campaigns.AsNoTracking()
            where k.Id == dial.Campaign.Id
            select new
            {
                Contact = c, Campaign = k, OnList = db.DoNotCall.Any(listed),
                HasConsents = db.Consents.Any(x => x.ContactId == c.Id), HasCopies = copies.Any(),
            }).SingleAsync(ct);
        var contact = facts.Contact;
        var consents = facts.HasConsents ? await ConsentsHeld.ForAsync(db, contact.Id, now, ct) : default;
        var registries = facts.HasCopies
            ? await RegistryListing.ForAsync(db, facts.Campaign.TeamId, phone, now, ct)
            : RegistryCheck.None;
        return DialPermit.BeforeDial(facts.Campaign, contact, facts.OnList, consents, now, lead, registries);
    }
}
