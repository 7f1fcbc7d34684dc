using System.Net;
using System.Net.Http.Json;
using Dialer.Core.Auth;
using Dialer.Core.Contacts;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Compliance;

[Collection(ApiCollection.Name)]
public sealed class DoNotCallApiTests(ApiFactory api)
{
    readonly HttpClient _marketer = api.ClientAs(Role.Marketer);

    [Fact]
    public async Task Adding_a_number_suppresses_its_waiting_contacts_at_once()
    {
        var id = await _marketer.CreateCampaignAsync();
        await _marketer.UploadCsvAsync(id, "phone\n+14155550301\n+14155550302\n");

        var added = await (await _marketer.PostAsJsonAsync("/api/do-not-call", new { numbers = new[] { "(415) 555-0301", "junk" } })).ReadJsonAsync();

        Assert.Equal(1, added["added"]!.GetValue<int>());
        Assert.Equal(1, added["contactsSuppressed"]!.GetValue<int>());
        Assert.Equal(1, added["rejected"]!.AsArray().Single()!["index"]!.GetValue<int>());
        await using var db = api.Database.CreateDb();
        var statuses = await db.Contacts.Where(c => c.CampaignId == id).OrderBy(c => c.Phone).Select(c => c.Status).ToListAsync();
        Assert.Equal([ContactStatus.Suppressed, ContactStatus.Pending], statuses);
    }

    [Fact]
    public async Task A_campaign_list_binds_only_that_campaign()
    {
        var a = await _marketer.CreateCampaignAsync();
        var b = await _marketer.CreateCampaignAsync();
        await _marketer.PostAsJsonAsync("/api/do-not-call", new { numbers = new[] { "+14155550311" }, campaignId = a });

        var ra = await (await _marketer.UploadCsvAsync(a, "phone\n+14155550311\n")).ReadJsonAsync();
        var rb = await (await _marketer.UploadCsvAsync(b, "phone\n+14155550311\n")).ReadJsonAsync();

        Assert.Equal(1, ra["suppressed"]!.GetValue<int>());
        Assert.Equal(0, rb["suppressed"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_number_is_looked_up_and_removed_only_with_a_reason()
    {
        await _marketer.PostAsJsonAsync("/api/do-not-call", new { numbers = new[] { "+14155550321" }, reason = "asked" });

        var entries = await _marketer.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/do-not-call/4155550321");
        Assert.Equal("asked", entries!.Single()!["reason"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.BadRequest, (await _marketer.DeleteAsync("/api/do-not-call/+14155550321")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _marketer.DeleteAsync("/api/do-not-call/+14155550321?reason=added+by+mistake")).StatusCode);
        Assert.Empty((await _marketer.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/do-not-call/+14155550321"))!);
    }

    [Fact]
    public async Task An_empty_list_is_a_400_naming_numbers()
    {
        var response = await _marketer.PostAsJsonAsync("/api/do-not-call", new { numbers = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("numbers"));
    }
}
