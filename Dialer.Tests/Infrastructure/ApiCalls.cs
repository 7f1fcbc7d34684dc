using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Data;

namespace Dialer.Tests.Infrastructure;

/// <summary>Small helpers so that tests read as what they do, not how they post JSON.</summary>
public static class ApiCalls
{
    public static JsonSerializerOptions Json => DialerJson.Options;

    public static JsonObject ValidCampaign(string name = "Spring offer") => new()
    {
        ["name"] = name,
        ["callerId"] = "+14155550100",
    };

    public static async Task<Guid> CreateCampaignAsync(this HttpClient client, JsonObject? body = null)
    {
        var response = await client.PostAsJsonAsync("/api/campaigns", body ?? ValidCampaign());
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonObject>();
        return created!["id"]!.GetValue<Guid>();
    }

    public static Task<HttpResponseMessage> UploadCsvAsync(this HttpClient client, Guid campaignId, string csv) =>
        client.UploadCsvAsync(campaignId, Encoding.UTF8.GetBytes(csv));

    public static Task<HttpResponseMessage> UploadCsvAsync(this HttpClient client, Guid campaignId, byte[] csv)
    {
        var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new("text/csv");
        return client.PostAsync($"/api/campaigns/{campaignId}/contacts", content);
    }

    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;
}
