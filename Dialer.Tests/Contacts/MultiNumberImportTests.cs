using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Auth;
using Dialer.Core.Contacts;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Lists;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Contacts;

/// <summary>Uploads with home, mobile and work columns, a list's attachment, and the contact API's numbers.</summary>
[Collection(ApiCollection.Name)]
public sealed class MultiNumberImportTests(ApiFactory api)
{
    readonly HttpClient _marketer = api.ClientAs(Role.Marketer);

    async Task<Guid> CampaignAsync(params string[] numberOrder)
    {
        var body = ApiCalls.ValidCampaign();
        if (numberOrder.Length > 0) body["numberOrder"] = new JsonArray([.. numberOrder.Select(k => (JsonNode)k)]);
        return await _marketer.CreateCampaignAsync(body);
    }

    async Task<List<Contact>> ContactsOf(Guid campaign)
    {
        await using var db = api.Database.CreateDb();
        return await db.Contacts.AsNoTracking().Where(c => c.CampaignId == campaign).OrderBy(c => c.Id)
            .ToListAsync();
    }

    [Fact]
    public async Task A_bad_extra_number_is_reported_by_line_and_column_and_the_row_kept_on_its_good_ones()
    {
        var campaign = await CampaignAsync();
        var response = await _marketer.UploadCsvAsync(campaign, """
            name,mobile_phone,home_phone,work_phone
            Ann,+1 415 555 7001,(415) 555-7002,+14155557003
            Bob,+14155557011,not a number,
            Cy,12,34,
            Dee,,,415.555.7031
            """ + "\n");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadJsonAsync();

        Assert.Equal(3, report["imported"]!.GetValue<int>());
        var rejected = report["rejected"]!.AsArray();
        Assert.Equal(4, Assert.Single(rejected)!["line"]!.GetValue<int>()); // Cy: no good number at all
        Assert.Equal(1, report["badNumbersCount"]!.GetValue<int>()); // Bob's home; Cy's are the row's rejection
        var bad = report["badNumbers"]!.AsArray();
        Assert.Equal((3, "column 3 ('home phone')"),
            (bad[0]!["line"]!.GetValue<int>(), bad[0]!["column"]!.GetValue<string>()));

        var contacts = await ContactsOf(campaign);
        var ann = contacts.Single(c => c.Name == "Ann");
        Assert.Equal(("+14155557001", NumberKinds.Mobile), (ann.Phone, ann.PhoneKind)); // the column order
        Assert.Equal([("mobile", "+14155557001"), ("home", "+14155557002"), ("work", "+14155557003")],
            ann.Numbers!.Select(n => (n.Kind, n.Phone)));
        Assert.All(ann.Numbers!, n => Assert.Equal(NumberStatus.Pending, n.Status));
        Assert.All(ann.Numbers!, n => Assert.NotEmpty(n.TimeZones));
        var bob = contacts.Single(c => c.Name == "Bob");
        Assert.Equal(("+14155557011", NumberKinds.Mobile), (bob.Phone, bob.PhoneKind));
        Assert.Null(bob.Numbers); // one good number: a contact of one number
        var dee = contacts.Single(c => c.Name == "Dee");
        Assert.Equal(("+14155557031", NumberKinds.Work), (dee.Phone, dee.PhoneKind));
    }

    [Fact]
    public async Task The_campaigns_number_order_picks_the_first_number_at_upload_and_at_a_lists_attachment()
    {
        var campaign = await CampaignAsync(NumberKinds.Work, NumberKinds.Home);
        const string csv = "phone,home_phone,work_phone,name\n+14155557101,+14155557102,+14155557103,Eve\n"
            + "+14155557111,+14155557112,,Fay\n";
        (await _marketer.UploadCsvAsync(campaign, csv)).EnsureSuccessStatusCode();
        var uploaded = await ContactsOf(campaign);
        Assert.Equal(["+14155557103", "+14155557112"], uploaded.Select(c => c.Phone));
        // the zones of the number dialed
        Assert.Equal(uploaded[0].Numbers!.Single(n => n.Kind == NumberKinds.Work).TimeZones, uploaded[0].TimeZones);

        var other = await CampaignAsync(NumberKinds.Home);
        var list = await _marketer.ListWithAsync(csv.Replace("71", "72"));
        (await _marketer.AttachAsync(other, list)).EnsureSuccessStatusCode();
        var attached = await ContactsOf(other);
        Assert.Equal(["+14155557202", "+14155557212"], attached.Select(c => c.Phone));
        Assert.Equal([NumberKinds.Home, NumberKinds.Home], attached.Select(c => c.PhoneKind));
        Assert.Equal(3, attached[0].Numbers!.Count);
    }

    [Fact]
    public async Task A_number_order_naming_an_unknown_kind_or_one_twice_is_a_400_naming_it()
    {
        foreach (var order in new[] { new[] { "mobile", "fax" }, ["home", "home"] })
        {
            var body = ApiCalls.ValidCampaign();
            body["numberOrder"] = new JsonArray([.. order.Select(k => (JsonNode)k)]);
            var response = await _marketer.PostAsJsonAsync("/api/campaigns", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("numberOrder", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_contact_api_shows_and_replaces_the_numbers_masked_in_the_history()
    {
        var campaign = await CampaignAsync();
        var added = await _marketer.PostAsJsonAsync($"/api/campaigns/{campaign}/contacts/new", new
        {
            phone = "+14155557301",
            numbers = new[]
            {
                new { kind = "mobile", phone = "+14155557301" }, new { kind = "home", phone = "415 555 7302" },
            },
        });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var contact = await added.ReadJsonAsync();
        var id = contact["id"]!.GetValue<long>();
        Assert.Equal("mobile", contact["phoneKind"]!.GetValue<string>());
        var numbers = contact["numbers"]!.AsArray();
        Assert.Equal(["+14155557301", "+14155557302"], numbers.Select(n => n!["phone"]!.GetValue<string>()));
        Assert.True(numbers[0]!["current"]!.GetValue<bool>());

        var url = $"/api/campaigns/{campaign}/contacts/{id}";
        var missing = await _marketer.PatchAsJsonAsync(url,
            new { numbers = new[] { new { kind = "home", phone = "+14155557302" } } });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode); // the number it is dialed on left out
        Assert.Contains("numbers", await missing.Content.ReadAsStringAsync());
        var badKind = await _marketer.PatchAsJsonAsync(url,
            new { numbers = new[] { new { kind = "fax", phone = "+14155557301" } } });
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Contains("numbers[0].kind", await badKind.Content.ReadAsStringAsync());

        var edited = await _marketer.PatchAsJsonAsync(url, new
        {
            numbers = new[]
            {
                new { kind = "work", phone = "+14155557303" }, new { kind = "mobile", phone = "+14155557301" },
            },
        });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var after = await (await _marketer.GetAsync(url)).ReadJsonAsync();
        Assert.Equal(["+14155557303", "+14155557301"],
            after["numbers"]!.AsArray().Select(n => n!["phone"]!.GetValue<string>()));

        await using var db = api.Database.CreateDb();
        var history = await db.CampaignChanges.Where(c => c.CampaignId == campaign).Select(c => c.Note)
            .ToListAsync();
        Assert.Contains(history, h => h != null && h.Contains("numbers") && h.Contains("work"));
        Assert.DoesNotContain(history, h => h != null && (h.Contains("4155557303") || h.Contains("4155557302")));
    }
}
