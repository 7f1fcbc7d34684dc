using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Compliance.Consents;

/// <summary>
/// A person withdraws their consent (on a call, by email, by letter): every consent of the kinds named that the
/// contact holds is marked withdrawn, and where none of a kind was on file a withdrawal is recorded all the same, so
/// that it binds the number in every campaign needing that kind (<see cref="ConsentsHeld"/>). Inside the caller's
/// unit of work.
/// </summary>
public static class ConsentWithdrawal
{
    public const int MaxHow = ContactConsent.MaxHow;

    public static async Task<List<ContactConsent>> RecordAsync(DialerDb db, long contactId, Guid campaignId,
        ConsentKinds kinds, DateTimeOffset at, string how, string? by, CancellationToken ct)
    {
        var names = ConsentKind.Names.Where(n => ConsentKind.TryParse(n, out var k) && (kinds & k) != 0).ToList();
        var open = await db.Consents.Where(c => c.ContactId == contactId && names.Contains(c.Kind)
            && c.WithdrawnAt == null).OrderBy(c => c.Id).ToListAsync(ct);
        var touched = new List<ContactConsent>();
        foreach (var consent in open.Where(c => c.GivenAt <= at))
        {
            consent.Withdraw(at, how, by);
            touched.Add(consent);
        }
        foreach (var kind in names.Where(n => !touched.Any(c => c.Kind == n)))
        {
            var marker = ContactConsent.WithdrawalOnly(contactId, campaignId, kind, at, how, by);
            db.Consents.Add(marker);
            touched.Add(marker);
        }
        return touched;
    }
}
