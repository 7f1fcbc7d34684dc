using System.Net;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Inputs;

/// <summary>Paging stops at a page number, the contacts list pages by key, and report periods are bounded.</summary>
[Collection(ApiCollection.Name)]
public sealed class PagingAndRangeTests(ApiFactory api)
{
    readonly HttpClient _marketer = api.ClientAs(Role.Marketer);

    [Theory]
    [InlineData("/api/campaigns?page=100000000")]
    [InlineData("/api/campaigns/{id}/contacts?page=100000000")]
    [InlineData("/api/do-not-call?page=100000000")]
    public async Task A_page_number_past_the_cap_is_a_400_naming_page(string path)
    {
        var id = await _marketer.CreateCampaignAsync(ApiCalls.ValidCampaign("Paging " + Guid.NewGuid()));
        var response = await _marketer.GetAsync(path.Replace("{id}", id.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("page"));
    }

    [Fact]
    public async Task The_contacts_list_pages_by_key_after_the_last_id_seen()
    {
        var id = await _marketer.CreateCampaignAsync(ApiCalls.ValidCampaign("Keyset " + Guid.NewGuid()));
        var csv = "phone\n" + string.Join('\n', LimitedApi.Numbers(0, 5)) + "\n";
        Assert.Equal(HttpStatusCode.OK, (await _marketer.UploadCsvAsync(id, csv)).StatusCode);

        var seen = new List<long>();
        long? after = null;
        for (var round = 0; round < 5; round++)
        {
            var path = $"/api/campaigns/{id}/contacts?pageSize=2" + (after is { } a ? $"&after={a}" : "");
            var page = await (await _marketer.GetAsync(path)).ReadJsonAsync();
            var ids = page["items"]!.AsArray().Select(c => c!["id"]!.GetValue<long>()).ToList();
            seen.AddRange(ids);
            if (page["nextAfter"] is not { } next) break;
            after = next.GetValue<long>();
        }
        Assert.Equal(5, seen.Count);
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(5, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("/api/campaigns/{id}/compliance?from=0001-01-01T00:00:00Z")]
    [InlineData("/api/campaigns/{id}/compliance?from=2020-01-01T00:00:00Z&to=2024-01-01T00:00:00Z")]
    public async Task A_report_period_longer_than_the_cap_is_a_400_naming_from(string path)
    {
        var id = await _marketer.CreateCampaignAsync(ApiCalls.ValidCampaign("Report range " + Guid.NewGuid()));
        var response = await _marketer.GetAsync(path.Replace("{id}", id.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("from", (await response.ReadJsonAsync())["detail"]!.GetValue<string>());
    }
}
