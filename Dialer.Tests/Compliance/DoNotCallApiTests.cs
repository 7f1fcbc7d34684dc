using System.Net;
using System.Net.Http.Json;
using Dialer.Core.Auth;
using Dialer.Core.Contacts;
using Dialer.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

        var added = await (await _marketer.PostAsJsonAsync("/api/do-not-call",
            new { numbers = new[] { "(415) 555-0301", "junk" } })).ReadJsonAsync();

        Assert.Equal(1, added["added"]!.GetValue<int>());
        Assert.Equal(1, added["contactsSuppressed"]!.GetValue<int>());
        Assert.Equal(1, added["rejected"]!.AsArray().Single()!["index"]!.GetValue<int>());
        await using var db = api.Database.CreateDb();
        var statuses = await db.Contacts.Where(c => c.CampaignId == id).OrderBy(c => c.Phone).Select(c => c.Status)
            .ToListAsync();
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
    public async Task A_number_is_looked_up_and_removed_only_by_an_admin_with_a_reason_and_the_removal_is_kept()
    {
        var admin = api.ClientAs(Role.Admin);
        await _marketer.PostAsJsonAsync("/api/do-not-call",
            new { numbers = new[] { "+14155550321" }, reason = "asked" });

        var entries = await (await _marketer.PostAsJsonAsync("/api/do-not-call/lookup", new { phone = "4155550321" }))
            .Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonArray>();
        Assert.Equal("asked", entries!.Single()!["reason"]!.GetValue<string>());

        var removal = new { phone = "+14155550321", reason = "added by mistake" };
        Assert.Equal(HttpStatusCode.Forbidden,
            (await _marketer.PostAsJsonAsync("/api/do-not-call/removals", removal)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await admin.PostAsJsonAsync("/api/do-not-call/removals", new { phone = "+14155550321" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent,
            (await admin.PostAsJsonAsync("/api/do-not-call/removals", removal)).StatusCode);

        var after = await (await _marketer.PostAsJsonAsync("/api/do-not-call/lookup", new { phone = "+14155550321" }))
            .Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonArray>();
        Assert.Empty(after!);
        var kept = (await admin.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/do-not-call/removals"))![
            "items"]!
            .AsArray().Single(r => r!["phone"]!.GetValue<string>() == "+14155550321")!;
        Assert.Equal(("asked", "added by mistake"),
            (kept["reason"]!.GetValue<string>(), kept["removalReason"]!.GetValue<string>()));
        await using var db = api.Database.CreateDb();
        var adminId = (await db.Users.SingleAsync(u =>
            u.Name == kept["removedBy"]!.GetValue<string>()
                || u.Id.ToString() == kept["removedBy"]!.GetValue<string>())).Id;
        Assert.Equal(adminId.ToString(), kept["removedBy"]!.GetValue<string>()); // the user's id, not a display name
    }

    [Fact]
    public void No_route_carries_a_phone_number_in_its_path()
    {
        var routes = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "");
        Assert.DoesNotContain(routes, r => r.Contains("{phone", StringComparison.OrdinalIgnoreCase)
                                           || r.Contains("{number", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_empty_list_is_a_400_naming_numbers()
    {
        var response = await _marketer.PostAsJsonAsync("/api/do-not-call", new { numbers = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("numbers"));
    }
}
