namespace Dialer.Core.Compliance;

public sealed class DoNotCallEntry
{
    public long Id { get; set; }
    /// <summary>E.164.</summary>
    public string Phone { get; set; } = "";
    /// <summary>Null: the global list, which binds every campaign.</summary>
    public Guid? CampaignId { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public string? AddedBy { get; set; }
}
