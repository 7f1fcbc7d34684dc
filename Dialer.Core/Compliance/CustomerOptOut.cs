using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Figures;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Compliance;

/// <summary>
/// The customer asked not to be called again, on a call: to the agent (the do-not-call disposition) or by the opt-out
/// key. The number goes on the list once, the contact and every waiting contact with the number stop being dialed.
/// </summary>
public static class CustomerOptOut
{
    /// <param name="listCampaign">null for the global list</param>
    /// <param name="contact">locked by the caller's unit of work</param>
    public static async Task ApplyAsync(DialerDb db, Contact contact, Guid? listCampaign, string reason, string? by,
        string source, DateTimeOffset now, CancellationToken ct)
    {
        if (!await db.DoNotCall.AnyAsync(e => e.Phone == contact.Phone && e.CampaignId == listCampaign, ct))
            db.DoNotCall.Add(new DoNotCallEntry
            {
                Phone = contact.Phone, CampaignId = listCampaign, Reason = reason, AddedAt = now, AddedBy = by,
                Source = source,
            });
        contact.Status = ContactStatus.Suppressed;
        contact.NextAttemptAt = null;
        await db.Contacts.Where(DoNotCallMatch.WaitingContacts([contact.Phone], listCampaign))
            .Where(c => c.Id != contact.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ContactStatus.Suppressed), ct);
    }
}
