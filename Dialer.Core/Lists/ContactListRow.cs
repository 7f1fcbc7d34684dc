namespace Dialer.Core.Lists;

/// <summary>One good row of a list, normalised as the campaign import normalises it (E.164, zones, jurisdiction).
/// </summary>
public sealed class ContactListRow
{
    public long Id { get; set; }
    public Guid ListId { get; set; }
    public string Phone { get; set; } = "";
    public string? Name { get; set; }
    public string[] TimeZones { get; set; } = [];
    public string? StatedJurisdiction { get; set; }
    public string? CustomFields { get; set; }
}
