using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Figures;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Compliance;

static class DoNotCallSuppression
{
    /// <summary>A number put on a list stops being dialed at once: its waiting contacts become suppressed.</summary>
    public static Task<int> ApplyAsync(DialerDb db, IReadOnlyCollection<string> phones, Guid? campaignId,
        CancellationToken ct) =>
        db.Contacts.Where(DoNotCallMatch.WaitingContacts(phones, campaignId))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ContactStatus.Suppressed), ct);
}
