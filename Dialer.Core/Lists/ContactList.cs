namespace Dialer.Core.Lists;

/// <summary>
/// A team's contact list, uploaded once and dialed by any of the team's campaigns it is attached to
/// (<see cref="CampaignList"/>). Its rows are copied into a campaign's contacts when attached.
/// </summary>
public sealed class ContactList
{
    public const int MaxNameLength = 200;

    public Guid Id { get; set; }
    public Guid TeamId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The region numbers without a country code are read in ("US").</summary>
    public string DefaultRegion { get; set; } = "US";
    /// <summary>The CSV's header, as uploaded.</summary>
    public string[] Columns { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When its one upload began: set once, by whichever request gets there first.</summary>
    public DateTimeOffset? UploadStartedAt { get; set; }
    /// <summary>When its upload finished: from then on it may be attached.</summary>
    public DateTimeOffset? UploadedAt { get; set; }
    /// <summary>Rows held (good rows, one per number).</summary>
    public int RowCount { get; set; }
    /// <summary>Rows of the uploads refused (bad number, bad field...), reported by line at upload.</summary>
    public int RejectedCount { get; set; }
}
