using System.Text.Json;
using Dialer.Core.Contacts;

namespace Dialer.Api.Contacts;

/// <summary>One contact of a campaign as the Api shows it (the search's rows and the single contact alike).</summary>
public sealed record ContactResponse(long Id, string Phone, string? Name, string[] TimeZones, ContactStatus Status,
    int Attempts, DateTimeOffset? NextAttemptAt, string? LastOutcome, string? Disposition,
    JsonElement? CustomFields, string? StatedJurisdiction = null, DateTimeOffset? LastAttemptAt = null,
    DateTimeOffset? CallbackAt = null, Guid? ListId = null)
{
    public static ContactResponse From(Contact c) => new(c.Id, c.Phone, c.Name, c.TimeZones, c.Status, c.Attempts,
        c.NextAttemptAt, c.LastOutcome, c.Disposition,
        c.CustomFields is null ? null : JsonDocument.Parse(c.CustomFields).RootElement, c.StatedJurisdiction,
        c.LastAttemptAt, c.CallbackAt, c.ListId);
}
