using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Dialer.Core.Auth;
using Dialer.Core.Contacts;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Contacts;

[Collection(ApiCollection.Name)]
public sealed class ContactImportTests(ApiFactory api)
{
    readonly HttpClient _marketer = api.ClientAs(Role.Marketer);

    async Task<(Guid Campaign, JsonObject Report)> Import(string csv)
    {
        var id = await _marketer.CreateCampaignAsync();
        var response = await _marketer.UploadCsvAsync(id, csv);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (id, await response.ReadJsonAsync());
    }

    async Task<List<Contact>> ContactsOf(Guid campaign)
    {
        await using var db = api.Database.CreateDb();
        return await db.Contacts.Where(c => c.CampaignId == campaign).OrderBy(c => c.Id).ToListAsync();
    }

    [Fact]
    public async Task Numbers_as_people_write_them_are_normalised_to_E164()
    {
        var (id, report) = await Import("phone,name\n+1 (415) 555-0100,Ann\n0044 20 7946 0958,Bob\n415.555.0101,Cy\n");

        Assert.Equal(3, report["imported"]!.GetValue<int>());
        var phones = (await ContactsOf(id)).Select(c => c.Phone).ToArray();
        Assert.Equal(["+14155550100", "+442079460958", "+14155550101"], phones);
    }

    [Fact]
    public async Task Good_rows_land_and_every_bad_row_is_reported_with_its_line_and_reason()
    {
        var (id, report) = await Import(
            "phone,name\n+14155550100,Ann\nnot a number,Bob\n+1415,Cy\n,Dee\n+14155550102,Eve\n");

        Assert.Equal(5, report["rowsRead"]!.GetValue<int>());
        Assert.Equal(2, report["imported"]!.GetValue<int>());
        var rejected = report["rejected"]!.AsArray();
        Assert.Equal([3, 4, 5], rejected.Select(r => r!["line"]!.GetValue<int>()));
        Assert.Contains("no phone number", rejected[2]!["reason"]!.GetValue<string>());
        Assert.Equal(2, (await ContactsOf(id)).Count);
    }

    [Fact]
    public async Task Contacts_of_batches_written_at_once_are_due_in_the_order_of_the_file()
    {
        // several batches (Import:BatchSize is 1,000 here), a few written at once: the dialing order (due time, then
        // id) is still the file's
        var numbers = Enumerable.Range(0, 6000).Select(i => $"+1415{200 + i / 10000:D3}{i % 10000:D4}").ToArray();
        var (id, report) = await Import("phone\n" + string.Join('\n', numbers) + "\n");
        Assert.Equal(numbers.Length, report["imported"]!.GetValue<int>());
        await using var db = api.Database.CreateDb();
        var due = await db.Contacts.Where(c => c.CampaignId == id).OrderBy(c => c.NextAttemptAt).ThenBy(c => c.Id)
            .Select(c => c.Phone).ToListAsync();
        Assert.Equal(numbers, due);
    }

    [Fact]
    public async Task Duplicates_in_the_list_and_in_the_campaign_are_dropped_and_counted()
    {
        var (id, report) = await Import("phone\n+14155550100\n(415) 555-0100\n+14155550101\n");
        Assert.Equal(2, report["imported"]!.GetValue<int>());
        Assert.Equal(1, report["duplicates"]!.GetValue<int>());

        var again = await (await _marketer.UploadCsvAsync(id, "phone\n+14155550101\n+14155550102\n")).ReadJsonAsync();
        Assert.Equal(1, again["imported"]!.GetValue<int>());
        Assert.Equal(1, again["duplicates"]!.GetValue<int>());
    }

    [Fact]
    public async Task Quoted_fields_may_hold_separators_quotes_and_line_breaks_and_line_numbers_stay_true()
    {
        var csv = "phone,name,notes\n\"+14155550100\",\"Doe, Jane\",\"said \"\"call me\"\"\nafter "
            + "six\"\nbad,Zed,x\n+14155550101,Al,\"a,b\"\n";
        var (id, report) = await Import(csv);

        Assert.Equal(2, report["imported"]!.GetValue<int>());
        Assert.Equal(4, report["rejected"]!.AsArray().Single()!["line"]!.GetValue<int>());
        var jane = (await ContactsOf(id))[0];
        Assert.Equal("Doe, Jane", jane.Name);
        Assert.Equal("said \"call me\"\nafter six", JsonNode.Parse(jane.CustomFields!)!["notes"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_byte_order_mark_and_semicolons_are_understood()
    {
        var (id, report) = await Import("\uFEFFPhone;Name;Plan\n+14155550100;Ann;gold\n");
        Assert.Equal(";", report["separator"]!.GetValue<string>());
        var ann = Assert.Single(await ContactsOf(id));
        Assert.Equal("Ann", ann.Name);
        Assert.Equal("gold", JsonNode.Parse(ann.CustomFields!)!["Plan"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_zone_column_adds_its_zone_to_the_number_s_and_an_unknown_zone_is_refused()
    {
        var (id, report) = await Import(
            "phone,timezone\n+14155550100,America/Chicago\n+12125550100,\n+442079460958,\n+14155550101,Mars/Olympus\n");

        var contacts = await ContactsOf(id);
        Assert.Equal(["America/Chicago", "America/Los_Angeles"], contacts[0].TimeZones); // stated, then the number's
        Assert.Equal(["America/New_York"], contacts[1].TimeZones);
        Assert.Equal(["Europe/London"], contacts[2].TimeZones);
        Assert.Contains("unknown time zone", report["rejected"]!.AsArray().Single()!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Numbers_on_a_do_not_call_list_are_imported_as_suppressed()
    {
        await _marketer.PostAsync("/api/do-not-call",
            System.Net.Http.Json.JsonContent.Create(new { numbers = new[] { "+14155550177" } }));
        var (id, report) = await Import("phone\n+14155550177\n+14155550178\n");

        Assert.Equal(1, report["suppressed"]!.GetValue<int>());
        Assert.Equal(ContactStatus.Suppressed, (await ContactsOf(id)).Single(c => c.Phone == "+14155550177").Status);
    }

    [Theory]
    [InlineData("phone\n", 0)]
    [InlineData("phone,name\n\n\n", 0)]
    public async Task A_header_only_file_imports_nothing_and_says_so(string csv, int imported)
    {
        var (_, report) = await Import(csv);
        Assert.Equal(imported, report["imported"]!.GetValue<int>());
        Assert.Equal(0, report["rowsRead"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("name,email\nAnn,a@example.com\n", "no phone column")]
    public async Task A_file_without_a_phone_column_is_a_400_that_says_so(string csv, string expected)
    {
        var id = await _marketer.CreateCampaignAsync();
        var response = await _marketer.UploadCsvAsync(id, csv);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await response.ReadJsonAsync())["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_binary_file_is_a_400()
    {
        var id = await _marketer.CreateCampaignAsync();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];
        var response = await _marketer.UploadCsvAsync(id, png);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not CSV", (await response.ReadJsonAsync())["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_file_over_the_limit_is_a_400_that_names_the_limit()
    {
        var id = await _marketer.CreateCampaignAsync();
        var big = new StringBuilder("phone\n");
        while (big.Length <= ApiFactory.MaxUploadBytes) big.Append("+14155550100\n");
        var response = await _marketer.UploadCsvAsync(id, big.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("larger than the limit", (await response.ReadJsonAsync())["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_multipart_upload_is_read_like_a_raw_one()
    {
        var id = await _marketer.CreateCampaignAsync();
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("phone\n+14155550100\n+14155550101\n"), "file", "list.csv");
        var report = await (await _marketer.PostAsync($"/api/campaigns/{id}/contacts", form)).ReadJsonAsync();
        Assert.Equal(2, report["imported"]!.GetValue<int>());
    }

    [Fact]
    public async Task Contacts_are_listed_by_page_and_status_and_exported_without_live_formulas()
    {
        var (id, _) = await Import("phone,name\n+14155550400,=HYPERLINK(\"http://evil\")\n+14155550401,Bo\n");

        var page = await (await _marketer.GetAsync($"/api/campaigns/{id}/contacts?status=pending&pageSize=1"))
            .ReadJsonAsync();
        Assert.Equal(2, page["total"]!.GetValue<int>());
        Assert.Single(page["items"]!.AsArray());

        var csv = await _marketer.GetStringAsync($"/api/campaigns/{id}/contacts/export");
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", csv);
        Assert.Contains(",+14155550401,", csv);
    }
}
