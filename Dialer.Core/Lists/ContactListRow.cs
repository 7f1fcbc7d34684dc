namespace Dialer.Core.Lists;

/// <summary>One good row of a list, normalised as the campaign import normalises it (E.164, zones, jurisdiction).
/// </summary>
public sealed class ContactListRow
{
    public long Id { get; set; }
    public Guid ListId { get; set; }
    public string Phone { get; set; } = "";
    /// <summary>As <see cref="Contacts.Contact.PhoneKind"/>.</summary>
    public string? PhoneKind { get; set; }
    /// <summary>As <see cref="Contacts.Contact.Numbers"/>, in the upload's column order.</summary>
    public List<Contacts.ContactNumber>? Numbers { get; set; }
    public string? Name { get; set; }
    public string[] TimeZones { get; set; } = [];
    public string? StatedJurisdiction { get; set; }
    public string? CustomFields { get; set; }
}
