using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Auth;
using Dialer.Core.Contacts;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Contacts;

[Collection(ApiCollection.Name)]
public sealed class DialFilterSettingsTests(ApiFactory api)
{
    readonly HttpClient _marketer = api.ClientAs(Role.Marketer);

    [Fact]
    public async Task Setting_the_filter_parks_contacts_outside_it_and_removing_it_lets_them_back_recorded_in_history()
    {
        var body = ApiCalls.ValidCampaign();
        var campaign = await _marketer.CreateCampaignAsync(body);
        (await _marketer.UploadCsvAsync(campaign, "phone,segment,state\n+14155590001,gold,FL\n+14155590002,bronze,FL\n"
            + "+14155590003,silver,GA\n+14155590004,silver,Florida\n")).EnsureSuccessStatusCode();

        var segment = new JsonObject { ["column"] = "segment", ["values"] = new JsonArray("gold", "silver") };
        var state = new JsonObject { ["column"] = "state", ["values"] = new JsonArray("FL") };
        body["dialFilter"] = new JsonArray(segment, state);
        (await _marketer.PutAsJsonAsync($"/api/campaigns/{campaign}", body)).EnsureSuccessStatusCode();
        Assert.Equal(["+14155590001", "+14155590004"], await WaitingAsync(campaign));

        // an import into a filtered campaign parks its new contacts outside the filter too
        (await _marketer.UploadCsvAsync(campaign, "phone,segment,state\n+14155590005,gold,GA\n"))
            .EnsureSuccessStatusCode();
        Assert.Equal(["+14155590001", "+14155590004"], await WaitingAsync(campaign));

        body["dialFilter"] = new JsonArray();
        (await _marketer.PutAsJsonAsync($"/api/campaigns/{campaign}", body)).EnsureSuccessStatusCode();
        Assert.Equal(5, (await WaitingAsync(campaign)).Count);

        await using var db = api.Database.CreateDb();
        var notes = await db.CampaignChanges.Where(c => c.CampaignId == campaign && c.Action == "dial-filter")
            .OrderBy(c => c.At).Select(c => c.Note).ToListAsync();
        Assert.Equal(["dial filter segment in (gold, silver) and state in (FL): 2 waiting contacts filtered out, "
            + "0 let back in", "dial filter removed: 0 waiting contacts filtered out, 3 let back in"], notes);

        body["dialFilter"] = new JsonArray(new JsonObject { ["column"] = "", ["values"] = new JsonArray() });
        var bad = await _marketer.PutAsJsonAsync($"/api/campaigns/{campaign}", body);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ReadJsonAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("dialFilter[0].column") && errors.ContainsKey("dialFilter[0].values"));
    }

    async Task<List<string>> WaitingAsync(Guid campaign)
    {
        await using var db = api.Database.CreateDb();
        return await db.Contacts.Where(c => c.CampaignId == campaign && c.Status == ContactStatus.Pending)
            .OrderBy(c => c.Phone).Select(c => c.Phone).ToListAsync();
    }
}
