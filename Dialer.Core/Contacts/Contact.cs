namespace Dialer.Core.Contacts;

public sealed partial class Contact
{
    public long Id { get; set; }
    public Guid CampaignId { get; set; }
    /// <summary>The team list it came from when attached (<see cref="Lists.CampaignList"/>); null when uploaded to the
    /// campaign directly or added by hand.</summary>
    public Guid? ListId { get; set; }
    /// <summary>E.164, normalised at import.</summary>
    public string Phone { get; set; } = "";
    /// <summary>The kind of <see cref="Phone"/> (<see cref="NumberKinds"/>); null when the contact has one number of no
    /// stated kind.</summary>
    public string? PhoneKind { get; set; }
    /// <summary>
    /// Every number of a contact that has more than one, <see cref="Phone"/> among them, in the upload's column order;
    /// null for a contact of one number. <see cref="ContactNextNumber"/> moves <see cref="Phone"/> along them.
    /// </summary>
    public List<ContactNumber>? Numbers { get; set; }
    public string? Name { get; set; }
    /// <summary>
    /// Every IANA zone the contact may be in: the number's and the list's (<see cref="Compliance.ContactZones"/>).
    /// </summary>
    public string[] TimeZones { get; set; } = [];
    /// <summary>The jurisdiction the list states (its state, province or country column): "US-FL", "ES"; its rules bind
    /// with those of the number's own place (<see cref="Compliance.Rules.ApplicableRules"/>).</summary>
    public string? StatedJurisdiction { get; set; }
    /// <summary>The CSV's other columns, as a JSON object.</summary>
    public string? CustomFields { get; set; }
    public ContactStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public string? LastOutcome { get; set; }
    public string? Disposition { get; set; }
    /// <summary>An agent's callback: dialed before retries and fresh contacts once due.</summary>
    public DateTimeOffset? CallbackAt { get; set; }
    /// <summary>Order of dialing among due contacts: callbacks, then retries, then fresh contacts.</summary>
    public DialPriority Priority { get; set; } = DialPriority.Fresh;
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When its personal data went (an erasure or retention): never dialed again.</summary>
    public DateTimeOffset? AnonymisedAt { get; set; }
}
