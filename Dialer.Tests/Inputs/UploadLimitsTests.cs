using System.Net;
using System.Text.Json.Nodes;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Inputs;

/// <summary>Each upload limit answers with a problem naming the limit and where it was met; good rows are
/// kept.</summary>
public sealed class UploadLimitsTests(LimitedApi api) : IClassFixture<LimitedApi>
{
    readonly HttpClient _marketer = api.Marketer();

    static string Csv(int from, int count, string header = "phone") =>
        header + "\n" + string.Join('\n', LimitedApi.Numbers(from, count)) + "\n";

    async Task<Guid> CampaignAsync() =>
        await _marketer.CreateCampaignAsync(ApiCalls.ValidCampaign("Limits " + Guid.NewGuid()));

    [Fact]
    public async Task Rows_over_the_upload_limit_are_a_413_naming_the_limit_and_line_and_the_rows_before_are_kept()
    {
        var id = await CampaignAsync();
        var response = await _marketer.UploadCsvAsync(id, Csv(0, LimitedApi.MaxRowsPerUpload + 10));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Contains("Import:MaxRowsPerUpload", problem["detail"]!.GetValue<string>());
        Assert.Equal(LimitedApi.MaxRowsPerUpload + 2, problem["line"]!.GetValue<int>()); // the header is line 1
        Assert.Equal(LimitedApi.MaxRowsPerUpload, problem["report"]!["imported"]!.GetValue<int>());
    }

    [Fact]
    public async Task Rows_over_the_campaign_limit_are_a_413_and_the_campaign_keeps_what_fits()
    {
        var id = await CampaignAsync();
        Assert.Equal(HttpStatusCode.OK, (await _marketer.UploadCsvAsync(id, Csv(0, 3000))).StatusCode);
        var response = await _marketer.UploadCsvAsync(id, Csv(3000, 2500));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Contains("Import:MaxContactsPerCampaign", problem["detail"]!.GetValue<string>());
        Assert.Equal(2000, problem["report"]!["imported"]!.GetValue<int>());
        var contacts = await (await _marketer.GetAsync($"/api/campaigns/{id}/contacts?pageSize=1")).ReadJsonAsync();
        Assert.Equal(LimitedApi.MaxContactsPerCampaign, contacts["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Numbers_already_in_the_campaign_do_not_count_toward_its_limit_while_batches_are_written_at_once()
    {
        // 4,000 held; a list of 1,500 held numbers then 1,500 new: 1,000 new fit, the stop is at the 1,001st new one
        var id = await CampaignAsync();
        Assert.Equal(HttpStatusCode.OK, (await _marketer.UploadCsvAsync(id, Csv(0, 3000))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _marketer.UploadCsvAsync(id, Csv(3000, 1000))).StatusCode);
        var response = await _marketer.UploadCsvAsync(id, Csv(2500, 3000));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(1000, problem["report"]!["imported"]!.GetValue<int>());
        Assert.Equal(1500, problem["report"]!["duplicates"]!.GetValue<int>());
        Assert.Equal(1 + 1500 + 1000 + 1, problem["line"]!.GetValue<int>());
        var contacts = await (await _marketer.GetAsync($"/api/campaigns/{id}/contacts?pageSize=1")).ReadJsonAsync();
        Assert.Equal(LimitedApi.MaxContactsPerCampaign, contacts["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_header_with_too_many_columns_is_a_400_naming_the_limit()
    {
        var id = await CampaignAsync();
        var header = "phone," + string.Join(',', Enumerable.Range(1, LimitedApi.MaxColumns).Select(i => "c" + i));
        var response = await _marketer.UploadCsvAsync(id, Csv(0, 3, header));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Import:MaxColumns", (await response.ReadJsonAsync())["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_field_or_record_over_its_limit_rejects_that_row_by_line_and_column_and_keeps_the_others()
    {
        var id = await CampaignAsync();
        var longNote = new string('x', LimitedApi.MaxFieldChars + 1);
        var longRecord = string.Join(',', Enumerable.Repeat(new string('y', LimitedApi.MaxFieldChars), 12));
        var csv = "phone,note\n+14152000001,fine\n+14152000002," + longNote + "\n+14152000003,\"" + longRecord
            + "\"\n+14152000004,fine\n";
        var response = await _marketer.UploadCsvAsync(id, csv);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadJsonAsync();
        Assert.Equal(2, report["imported"]!.GetValue<int>());
        var rejected = report["rejected"]!.AsArray()
            .Select(r => (r!["line"]!.GetValue<int>(), r["reason"]!.GetValue<string>())).ToList();
        Assert.Contains(rejected,
            r => r.Item1 == 3 && r.Item2.Contains("'note'") && r.Item2.Contains("Import:MaxFieldChars"));
        Assert.Contains(rejected, r => r.Item1 == 4 && r.Item2.Contains("Import:MaxRecordChars"));
    }
}
