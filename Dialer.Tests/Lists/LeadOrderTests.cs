using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Auth;
using Dialer.Core.Contacts;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Lists;

[Collection(ApiCollection.Name)]
public sealed class LeadOrderTests(ApiFactory api)
{
    readonly HttpClient _marketer = api.ClientAs(Role.Marketer);

    static JsonObject Campaign(string column, bool descending)
    {
        var body = ApiCalls.ValidCampaign();
        body["leadOrder"] = new JsonObject { ["by"] = "column", ["column"] = column, ["descending"] = descending };
        return body;
    }

    /// <summary>Generated rows in a shuffled order: number i with the value <paramref name="value"/>(i).</summary>
    static string Rows(string prefix, int count, Func<int, string> value, int seed)
    {
        var random = new Random(seed);
        var order = Enumerable.Range(0, count).OrderBy(_ => random.Next()).ToList();
        return "phone,score\n" + string.Concat(order.Select(i => $"{prefix}{i:D4},{value(i)}\n"));
    }

    async Task<List<string?>> ScoresInClaimOrderAsync(Guid campaign, int count) =>
        [.. (await api.Database.FirstAsync(campaign, count)).Select(c =>
            JsonNode.Parse(c.CustomFields ?? "{}")?["score"]?.GetValue<string>())];

    [Fact]
    public async Task A_numeric_column_orders_a_list_by_number_descending_and_ascending_after_a_change()
    {
        var body = Campaign("score", descending: true);
        var campaign = await _marketer.CreateCampaignAsync(body);
        // 0..59 and one empty score: numbers, so 9 comes before 10 ascending (text would put "10" first)
        var list = await _marketer.ListWithAsync(Rows("+1415561", 61, i => i == 60 ? "" : $"{i}", 3));
        (await _marketer.AttachAsync(campaign, list)).EnsureSuccessStatusCode();

        List<string?> descending = [.. Enumerable.Range(0, 60).Reverse().Select(i => $"{i}"), ""];
        Assert.Equal(descending, await ScoresInClaimOrderAsync(campaign, 61));

        body["leadOrder"]!["descending"] = false;
        (await _marketer.PutAsJsonAsync($"/api/campaigns/{campaign}", body)).EnsureSuccessStatusCode();
        List<string?> ascending = [.. Enumerable.Range(0, 60).Select(i => $"{i}"), ""];
        Assert.Equal(ascending, await ScoresInClaimOrderAsync(campaign, 61));

        await using var db = api.Database.CreateDb();
        Assert.Equal("lead order by 'score' ascending: 61 fresh contacts placed", await db.CampaignChanges
            .Where(c => c.CampaignId == campaign && c.Action == "lead-order").Select(c => c.Note).SingleAsync());
    }

    [Fact]
    public async Task A_text_column_orders_by_code_point_and_the_campaigns_own_upload_after_its_lists()
    {
        var campaign = await _marketer.CreateCampaignAsync(Campaign("score", descending: false));
        string[] words = ["pear", "10", "Apple", "apple", "9", "banana"];
        var list = await _marketer.ListWithAsync(Rows("+1415562", words.Length, i => words[i], 5));
        (await _marketer.AttachAsync(campaign, list)).EnsureSuccessStatusCode();
        (await _marketer.UploadCsvAsync(campaign, Rows("+1415563", 3, i => $"{3 - i}", 1))).EnsureSuccessStatusCode();

        Assert.Equal(["10", "9", "Apple", "apple", "banana", "pear", "1", "2", "3"],
            await ScoresInClaimOrderAsync(campaign, 9));
    }

    [Fact]
    public async Task Callbacks_and_retries_still_come_before_fresh_contacts_ordered_by_a_column()
    {
        var campaign = await _marketer.CreateCampaignAsync(Campaign("score", descending: true));
        var list = await _marketer.ListWithAsync(Rows("+1415564", 20, i => $"{i * 5}", 9));
        (await _marketer.AttachAsync(campaign, list)).EnsureSuccessStatusCode();
        await using (var db = api.Database.CreateDb())
        {
            var contacts = await db.Contacts.Where(c => c.CampaignId == campaign).OrderBy(c => c.Phone).ToListAsync();
            contacts[2].Priority = DialPriority.Callback; // score 10
            contacts[2].CallbackAt = contacts[2].NextAttemptAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            contacts[4].Priority = DialPriority.Retry; // score 20
            contacts[4].Attempts = 1;
            contacts[4].NextAttemptAt = DateTimeOffset.UtcNow.AddMinutes(-2);
            await db.SaveChangesAsync();
        }
        Assert.Equal(["10", "20", "95", "90", "85"], await ScoresInClaimOrderAsync(campaign, 5));
    }

    [Fact]
    public async Task A_column_order_without_a_column_is_a_400_naming_it()
    {
        var body = ApiCalls.ValidCampaign();
        body["leadOrder"] = new JsonObject { ["by"] = "column" };
        var response = await _marketer.PostAsJsonAsync("/api/campaigns", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("leadOrder.column"));
        body["leadOrder"] = new JsonObject { ["by"] = "shoe size" };
        response = await _marketer.PostAsJsonAsync("/api/campaigns", body);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("leadOrder.by"));
    }
}
