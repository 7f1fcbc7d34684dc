using System.Text.Json;
using Dialer.Api.Agents;
using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Data;

namespace Dialer.Api.Preview;

/// <param name="Zone">IANA id: the console keeps the clock running in the browser from it</param>
public sealed record ZoneClock(string Zone, DateTimeOffset Now, string ZoneName);

/// <summary>
/// What the agent reads before deciding to dial: who, where and what time it is there, and how earlier tries went.
/// </summary>
public sealed record PreviewCard(long ContactId, Guid CampaignId, string CampaignName, string? Name, string Phone,
    ZoneClock[] LocalTimes, int Attempts, int MaxAttempts, string? LastOutcome, DateTimeOffset? LastAttemptAt,
    string? Disposition, DateTimeOffset? CallbackAt, int SkipCount, string? LastSkipReason, JsonElement? CustomFields,
    AgentConsoleQuery.PastAttempt[] History, string? Script, DateTimeOffset HeldUntil)
{
    public static async Task<PreviewCard> OfAsync(DialerDb db, Contact contact, Campaign campaign, Guid agentId,
        DateTimeOffset now, CancellationToken ct)
    {
        var history = await ContactHistory.OfAsync(db, contact.Id, agentId, null, ct);
        var fields = contact.CustomFields is { } json ? JsonDocument.Parse(json).RootElement.Clone()
            : (JsonElement?)null;
        return new PreviewCard(contact.Id, campaign.Id, campaign.Name, contact.Name, contact.Phone,
            [.. contact.TimeZones.Select(z => LocalTimeIn(z, now))], contact.Attempts, campaign.Settings.MaxAttempts,
            contact.LastOutcome, contact.LastAttemptAt, contact.Disposition, contact.CallbackAt, contact.SkipCount,
            contact.LastSkipReason, fields, history, campaign.Settings.Script, contact.HeldUntil ?? now);
    }

    static ZoneClock LocalTimeIn(string zoneId, DateTimeOffset now)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone)) return new(zoneId, now, "");
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var name = zone.IsDaylightSavingTime(local) ? zone.DaylightName : zone.StandardName;
        return new(zoneId, local, name);
    }
}
