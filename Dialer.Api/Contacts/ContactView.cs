using System.Text.Json;
using Dialer.Core.Contacts;

namespace Dialer.Api.Contacts;

/// <summary>One contact of a campaign as the Api shows it (the search's rows and the single contact alike).</summary>
public sealed record ContactResponse(long Id, string Phone, string? Name, string[] TimeZones, ContactStatus Status,
    int Attempts, DateTimeOffset? NextAttemptAt, string? LastOutcome, string? Disposition,
    JsonElement? CustomFields, string? StatedJurisdiction = null, DateTimeOffset? LastAttemptAt = null,
    DateTimeOffset? CallbackAt = null, Guid? ListId = null, string? PhoneKind = null,
    NumberResponse[]? Numbers = null)
{
    public static ContactResponse From(Contact c) => new(c.Id, c.Phone, c.Name, c.TimeZones, c.Status, c.Attempts,
        c.NextAttemptAt, c.LastOutcome, c.Disposition,
        c.CustomFields is null ? null : JsonDocument.Parse(c.CustomFields).RootElement, c.StatedJurisdiction,
        c.LastAttemptAt, c.CallbackAt, c.ListId, c.PhoneKind,
        c.Numbers?.Select(n => new NumberResponse(n.Kind, n.Phone, n.Status, n.Attempts, n.LastOutcome,
            n.Phone == c.Phone)).ToArray());
}

/// <summary>One of a contact's numbers (<see cref="Contact.Numbers"/>).</summary>
/// <param name="Attempts">attempts on it once the contact moved on from it (the current one's are the contact's)
/// </param>
/// <param name="Current">the number the contact is dialed on</param>
public sealed record NumberResponse(string Kind, string Phone, NumberStatus Status, int Attempts,
    string? LastOutcome, bool Current);
