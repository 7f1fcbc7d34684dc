namespace Dialer.Core.Compliance;

/// <summary>
/// A do-not-call entry that was removed, with who removed it, when and why: the list is a legal record, so a removal
/// is kept, never forgotten. The entry's own facts (who added it, when, why, how) come with it.
/// </summary>
public sealed class DoNotCallRemoval
{
    public long Id { get; set; }
    public string Phone { get; set; } = "";
    public Guid? CampaignId { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public string? AddedBy { get; set; }
    public string Source { get; set; } = DoNotCallSources.Api;
    public DateTimeOffset RemovedAt { get; set; }
    /// <summary>The id of the user who removed it.</summary>
    public string RemovedBy { get; set; } = "";
    public string RemovalReason { get; set; } = "";

    public static DoNotCallRemoval Of(DoNotCallEntry entry, string by, string why, DateTimeOffset at) => new()
    {
        Phone = entry.Phone, CampaignId = entry.CampaignId, Reason = entry.Reason, AddedAt = entry.AddedAt,
        AddedBy = entry.AddedBy, Source = entry.Source, RemovedAt = at, RemovedBy = by, RemovalReason = why,
    };
}
