using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Dialer.Tests.Marketers.MarketersKit;

namespace Dialer.Tests.Marketers;

[Collection(ApiCollection.Name)]
public sealed class DoNotCallUploadTests(ApiFactory api)
{
    readonly HttpClient _marketer = api.ClientAs(Role.Marketer);

    Task<HttpResponseMessage> UploadAsync(string csv, string query = "") =>
        _marketer.PostAsync("/api/do-not-call/upload" + query, new StringContent(csv, Encoding.UTF8, "text/csv"));

    [Fact]
    public async Task An_uploaded_list_reports_added_already_listed_and_rejected_lines()
    {
        string a = RandomPhone(), b = RandomPhone();
        var campaign = await _marketer.CreateCampaignAsync(ApiCalls.ValidCampaign("DNC upload " + Guid.NewGuid()));
        await _marketer.UploadCsvAsync(campaign, $"phone\n{b}\n");
        var csv = $"name;phone\nAnn;{a}\nBob;({b[2..5]}) {b[5..8]}-{b[8..]}\nCy;not a number\nAnn again;{a}\n";

        var report = await (await UploadAsync(csv, "?reason=complaint")).ReadJsonAsync();

        Assert.Equal(4, report["rowsRead"]!.GetValue<int>());
        Assert.Equal(2, report["added"]!.GetValue<int>());
        Assert.Equal(1, report["alreadyListed"]!.GetValue<int>());
        Assert.Equal(1, report["contactsSuppressed"]!.GetValue<int>());
        Assert.Equal(4, report["rejected"]!.AsArray().Single()!["line"]!.GetValue<int>());

        var again = await (await UploadAsync($"phone\n{a}\n")).ReadJsonAsync();
        Assert.Equal((0, 1), (again["added"]!.GetValue<int>(), again["alreadyListed"]!.GetValue<int>()));
        var entry = (await (await _marketer.PostAsJsonAsync("/api/do-not-call/lookup", new { phone = a }))
            .Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonArray>())!.Single()!;
        await using var db = api.Database.CreateDb();
        var marketerId = (await db.Users.SingleAsync(u => u.Name == "test-Marketer")).Id.ToString();
        Assert.Equal(("complaint", marketerId, "upload"),
            (entry["reason"]!.GetValue<string>(), entry["addedBy"]!.GetValue<string>(),
                entry["source"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_file_without_a_phone_column_is_a_400()
    {
        var response = await UploadAsync("name,email\nAnn,a@example.com\n");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Search_finds_numbers_by_digits_and_entries_by_reason()
    {
        var phone = RandomPhone();
        var reason = "called the CEO " + Guid.NewGuid().ToString("N")[..8];
        await _marketer.PostAsJsonAsync("/api/do-not-call", new { numbers = new[] { phone }, reason });

        var byDigits = await _marketer.GetJsonAsync(
            $"/api/do-not-call?search={Uri.EscapeDataString($"({phone[2..5]}) {phone[5..8]}-{phone[8..]}")}");
        Assert.Contains(byDigits["items"]!.AsArray(), e => e!["phone"]!.GetValue<string>() == phone);
        var byReason = await _marketer.GetJsonAsync($"/api/do-not-call?search={Uri.EscapeDataString(reason[^8..])}");
        Assert.Equal(phone, byReason["items"]!.AsArray().Single()!["phone"]!.GetValue<string>());
        var none = await _marketer.GetJsonAsync("/api/do-not-call?search=zzz-no-such-reason-zzz");
        Assert.Equal(0, none["total"]!.GetValue<int>());
    }
}
