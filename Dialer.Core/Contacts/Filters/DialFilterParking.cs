using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Contacts.Filters;

/// <summary>
/// A campaign's dial filter, kept by the contacts' status rather than asked at every claim (the claim takes Pending
/// contacts straight off its index: <see cref="Dialing.DueContacts"/>): waiting contacts outside the filter are
/// <see cref="ContactStatus.Filtered"/>, and a filtered contact the filter admits again waits as before (Parked when
/// its list is inactive or detached). Run inside the caller's transaction when the filter is set or changed, and after
/// contacts arrive (import, attach, activate, recycle, an edit). The claim checks each candidate too
/// (<see cref="ContactFilter.Admits"/>), so a contact made Pending by any other path is filtered there, never dialed.
/// </summary>
public static class DialFilterParking
{
    /// <returns>contacts filtered out, and contacts let back in</returns>
    public static async Task<(int Out, int In)> ApplyAsync(DialerDb db, Guid campaignId,
        IReadOnlyCollection<ColumnCondition> filter, CancellationToken ct)
    {
        var admitted = ContactFilter.AllOf(filter);
        var outside = filter.Count == 0 ? 0 : await db.Contacts
            .Where(c => c.CampaignId == campaignId
                && (c.Status == ContactStatus.Pending || c.Status == ContactStatus.Parked))
            .Where(Predicates.Not(admitted))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ContactStatus.Filtered), ct);
        var back = db.Contacts.Where(c => c.CampaignId == campaignId && c.Status == ContactStatus.Filtered)
            .Where(admitted);
        var waiting = await back.Where(c => c.ListId == null || db.CampaignLists.Any(a =>
                a.CampaignId == c.CampaignId && a.ListId == c.ListId && a.Active))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ContactStatus.Pending), ct);
        var parked = await back.ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ContactStatus.Parked), ct);
        return (outside, waiting + parked);
    }

    /// <summary>Where one waiting contact belongs under the filter; other statuses are left as they are.</summary>
    public static void Place(Contact contact, IReadOnlyCollection<ColumnCondition> filter, bool listActive)
    {
        if (contact.Status is not (ContactStatus.Pending or ContactStatus.Parked or ContactStatus.Filtered)) return;
        contact.Status = !ContactFilter.Admits(filter, contact) ? ContactStatus.Filtered
            : listActive ? ContactStatus.Pending : ContactStatus.Parked;
    }
}
