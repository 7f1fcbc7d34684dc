using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Compliance.Consents;

[Collection(ApiCollection.Name)]
public sealed class ConsentExpiryApiTests(ApiFactory api)
{
    readonly HttpClient _marketer = api.ClientAs(Role.Marketer);

    [Fact]
    public async Task A_consent_lapses_by_the_list_column_or_the_api_field_and_a_lapse_before_its_giving_is_refused()
    {
        var id = await _marketer.CreateCampaignAsync();
        var report = await (await _marketer.UploadCsvAsync(id,
            "phone,consent,consent_source,consent_at,consent_until,consent_text\n"
                + "+34915550401,marketing-calls,web form,2026-05-01,2027-05-01,Acepto\n"
                + "+34915550402,marketing-calls,web form,2026-05-01,2026-04-01,Acepto\n"
                + "+34915550403,marketing-calls,web form,2026-05-01,soon,Acepto\n")).ReadJsonAsync();
        var rejected = report["rejected"]!.AsArray()
            .ToDictionary(r => r!["line"]!.GetValue<int>(), r => r!["reason"]!.GetValue<string>());
        Assert.StartsWith("consent_until: A consent lapses after it is given", rejected[3]);
        Assert.StartsWith("consent_until 'soon' is not a date", rejected[4]);
        await using var db = api.Database.CreateDb();
        Assert.Equal(DateTimeOffset.Parse("2027-05-01T00:00:00Z"),
            await db.Consents.Where(c => c.CampaignId == id).Select(c => c.ValidUntil).SingleAsync());

        var contact = await db.Contacts.Where(c => c.CampaignId == id).Select(c => c.Id).SingleAsync();
        var path = $"/api/campaigns/{id}/contacts/{contact}/consents";
        var given = DateTimeOffset.UtcNow.AddDays(-2);
        var created = await _marketer.PostAsJsonAsync(path, new
        {
            kind = "prerecorded", source = "call", givenAt = given, validUntil = given.AddDays(90), text = "yes",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotNull((await created.ReadJsonAsync())["validUntil"]);
        var bad = await _marketer.PostAsJsonAsync(path, new
        {
            kind = "prerecorded", source = "call", givenAt = given, validUntil = given.AddDays(-1), text = "yes",
        });
        Assert.Equal(["validUntil"], (await bad.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
        var listed = await _marketer.GetFromJsonAsync<JsonArray>(path);
        Assert.Equal(2, listed!.Count(c => c!["validUntil"] is not null));
    }
}
