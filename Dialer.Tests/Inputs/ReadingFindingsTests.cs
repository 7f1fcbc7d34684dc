using System.Net;
using System.Net.Http.Json;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Inputs;

/// <summary>Inputs a code review found to end in an unhandled 500.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReadingFindingsTests(ApiFactory api)
{
    readonly HttpClient _marketer = api.ClientAs(Role.Marketer);

    [Fact]
    public async Task A_contacts_header_with_an_unterminated_quote_is_a_400_naming_the_header()
    {
        var id = await _marketer.CreateCampaignAsync(ApiCalls.ValidCampaign("Quoted header " + Guid.NewGuid()));
        var response = await _marketer.UploadCsvAsync(id, "phone,\"name\n+14155550100,Ann\n");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("header", (await response.ReadJsonAsync())["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_do_not_call_header_with_an_unterminated_quote_is_a_400_naming_the_header()
    {
        var content = new StringContent("phone,\"reason\n+14155550100,asked\n", System.Text.Encoding.UTF8, "text/csv");
        var response = await _marketer.PostAsync("/api/do-not-call/upload", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("header", (await response.ReadJsonAsync())["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_do_not_call_reason_over_500_characters_is_a_400_naming_reason()
    {
        var response = await _marketer.PostAsJsonAsync("/api/do-not-call",
            new { numbers = new[] { "+14155550123" }, reason = new string('r', 501) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("reason"));

        var content = new StringContent("phone\n+14155550124\n", System.Text.Encoding.UTF8, "text/csv");
        var upload = await _marketer.PostAsync($"/api/do-not-call/upload?reason={new string('r', 501)}", content);
        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.True((await upload.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("reason"));
    }

    [Fact]
    public async Task A_do_not_call_list_of_too_many_numbers_is_a_400_naming_numbers()
    {
        var numbers = Enumerable.Range(0, 10_001).Select(i => "+1415200" + (i % 10000).ToString("D4")).ToArray();
        var response = await _marketer.PostAsJsonAsync("/api/do-not-call", new { numbers });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("numbers"));
    }
}
