namespace Dialer.Api.Contacts;

/// <summary>One good row on its way into PostgreSQL.</summary>
public readonly record struct ContactRow(int Line, string Phone, string? Name, string[] TimeZones, string? CustomFields,
    string? StatedJurisdiction = null, ConsentRow? Consent = null);
