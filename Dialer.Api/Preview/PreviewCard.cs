using System.Text.Json;
using Dialer.Api.Agents;
using Dialer.Core.Campaigns;
using Dialer.Core.Campaigns.Scripts;
using Dialer.Core.Contacts;
using Dialer.Core.Data;

namespace Dialer.Api.Preview;

/// <param name="Zone">IANA id: the console keeps the clock running in the browser from it</param>
public sealed record ZoneClock(string Zone, DateTimeOffset Now, string ZoneName);

/// <summary>
/// What the agent reads before deciding to dial: who, where and what time it is there, and how earlier tries went.
/// No more: the number shows its last four digits only (the engine dials it) and the custom fields only those the
/// campaign lists in <c>agentFields</c>, so looping claim and skip cannot read a contact list. A contact of several
/// numbers shows the kind of the one the dial will go to (<see cref="Contact.PhoneKind"/>).
/// </summary>
public sealed record PreviewCard(long ContactId, Guid CampaignId, string CampaignName, string? Name, string Phone,
    ZoneClock[] LocalTimes, int Attempts, int MaxAttempts, string? LastOutcome, DateTimeOffset? LastAttemptAt,
    string? Disposition, DateTimeOffset? CallbackAt, int SkipCount, string? LastSkipReason, JsonElement? CustomFields,
    AgentConsoleQuery.PastAttempt[] History, Scripts.ScriptView? Script, DateTimeOffset HeldUntil,
    string? PhoneKind = null)
{
    public static async Task<PreviewCard> OfAsync(DialerDb db, Contact contact, Campaign campaign, Guid agentId,
        string agentName, DateTimeOffset now, CancellationToken ct)
    {
        var history = await ContactHistory.OfAsync(db, contact.Id, agentId, null, ct);
        var fields = AgentFieldsOf(contact.CustomFields, campaign.Settings.AgentFields);
        return new PreviewCard(contact.Id, campaign.Id, campaign.Name, contact.Name, PhoneRedaction.Mask(contact.Phone),
            [.. contact.TimeZones.Select(z => LocalTimeIn(z, now))], contact.Attempts, campaign.Settings.MaxAttempts,
            contact.LastOutcome, contact.LastAttemptAt, contact.Disposition, contact.CallbackAt, contact.SkipCount,
            contact.LastSkipReason, fields, history, ScriptOf(contact, campaign, fields, agentName),
            contact.HeldUntil ?? now, contact.PhoneKind);
    }

    /// <summary>
    /// The script merged with no more than the card shows (the masked number, the listed fields): a script cannot
    /// widen what a preview reveals. The screen pop waits for the call.
    /// </summary>
    static Scripts.ScriptView? ScriptOf(Contact contact, Campaign campaign, JsonElement? shownFields,
        string agentName)
    {
        var values = MergeValues.For(contact.Name, PhoneRedaction.Mask(contact.Phone), shownFields?.GetRawText(),
            agentName, campaign.Name);
        return Scripts.ScriptView.Of(campaign.Settings with { ScreenPop = null }, values);
    }

    /// <summary>The listed fields the contact has, in the list's order; null when none.</summary>
    public static JsonElement? AgentFieldsOf(string? customFields, string[] listed)
    {
        if (customFields is null || listed.Length == 0) return null;
        using var document = JsonDocument.Parse(customFields);
        if (document.RootElement.ValueKind != JsonValueKind.Object) return null;
        var shown = new Dictionary<string, JsonElement>();
        foreach (var name in listed)
            if (document.RootElement.TryGetProperty(name, out var value)) shown[name] = value.Clone();
        return shown.Count == 0 ? null : JsonSerializer.SerializeToElement(shown);
    }

    static ZoneClock LocalTimeIn(string zoneId, DateTimeOffset now)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone)) return new(zoneId, now, "");
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var name = zone.IsDaylightSavingTime(local) ? zone.DaylightName : zone.StandardName;
        return new(zoneId, local, name);
    }
}
