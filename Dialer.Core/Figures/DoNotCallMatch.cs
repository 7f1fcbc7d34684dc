using System.Linq.Expressions;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;

namespace Dialer.Core.Figures;

/// <summary>
/// When a do-not-call entry binds a number in a campaign: same number, and the entry is global (no campaign) or the
/// campaign's own. The one match the claim, the dial, the import, the pre-launch check and the suppression use.
/// </summary>
public static class DoNotCallMatch
{
    public static Expression<Func<DoNotCallEntry, bool>> Binds(string phone, Guid campaignId) =>
        d => d.Phone == phone && (d.CampaignId == null || d.CampaignId == campaignId);

    public static Expression<Func<DoNotCallEntry, bool>> BindsAny(
        IReadOnlyCollection<string> phones, Guid campaignId) =>
        d => phones.Contains(d.Phone) && (d.CampaignId == null || d.CampaignId == campaignId);

    /// <summary>
    /// The contacts a new entry (<paramref name="entryCampaignId"/> null: global) binds, still waiting to be dialed.
    /// </summary>
    public static Expression<Func<Contact, bool>> WaitingContacts(IReadOnlyCollection<string> phones,
        Guid? entryCampaignId) =>
        c => phones.Contains(c.Phone) && (c.Status == ContactStatus.Pending || c.Status == ContactStatus.Parked
            || c.Status == ContactStatus.Filtered)
            && (entryCampaignId == null || c.CampaignId == entryCampaignId);

    /// <summary>
    /// The same match in SQL: entries of do_not_call aliased <paramref name="entry"/> binding the phone and campaign
    /// expressions.
    /// </summary>
    public static string BindsSql(string entry, string phone, string campaignId) =>
        $"{entry}.phone = {phone} AND ({entry}.campaign_id IS NULL OR {entry}.campaign_id = {campaignId})";
}
