namespace Dialer.Api.Contacts;

/// <summary>One good row on its way into PostgreSQL.</summary>
/// <param name="Phone">the number dialed first: the first of its numbers in the campaign's order</param>
/// <param name="PhoneKind">its kind, when the file has several number columns</param>
/// <param name="Numbers">every number of a row with more than one, as <see cref="Core.Contacts.Contact.Numbers"/>
/// (JSON); null for one</param>
/// <param name="BadNumbers">the numbers of the row that could not be read, while another could: its column and why
/// </param>
public readonly record struct ContactRow(int Line, string Phone, string? Name, string[] TimeZones, string? CustomFields,
    string? StatedJurisdiction = null, ConsentRow? Consent = null, string? PhoneKind = null, string? Numbers = null,
    (string Column, string Reason)[]? BadNumbers = null);
