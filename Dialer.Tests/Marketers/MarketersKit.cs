using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Contacts;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Marketers;

static class MarketersKit
{
    /// <summary>A fixed-offset IANA zone (Etc/GMT±n) where the local hour is now <paramref
    /// name="localHour"/>.</summary>
    public static string ZoneWhereHourIs(int localHour)
    {
        var offset = ((localHour - DateTimeOffset.UtcNow.Hour) % 24 + 24) % 24;
        if (offset > 14) offset -= 24;
        return offset switch { 0 => "Etc/GMT", > 0 => $"Etc/GMT-{offset}", _ => $"Etc/GMT+{-offset}" };
    }

    public static string RandomPhone() => $"+1415{Random.Shared.Next(200, 999)}{Random.Shared.Next(0, 10000):D4}";

    public static Contact ContactIn(Guid campaignId, params string[] zones) => new()
    {
        CampaignId = campaignId,
        Phone = RandomPhone(),
        TimeZones = zones,
        Status = ContactStatus.Pending,
        NextAttemptAt = DateTimeOffset.UtcNow.AddMinutes(-1),
        CreatedAt = DateTimeOffset.UtcNow,
    };

    public static async Task<JsonObject> GetJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonArray> GetArrayAsync(this HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonArray>(path))!;
}
