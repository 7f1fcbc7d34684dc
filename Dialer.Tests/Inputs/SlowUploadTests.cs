using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Inputs;

/// <summary>Slow uploads must not hold pooled database connections while they wait for the client.</summary>
public sealed class SlowUploadTests(LimitedApi api) : IClassFixture<LimitedApi>
{
    /// <summary>A CSV sent in two parts: the header and some rows, then (when released) the rest.</summary>
    sealed class StalledCsv(string first, string rest, Task release) : HttpContent
    {
        public TaskCompletionSource FirstSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(first));
            await stream.FlushAsync();
            FirstSent.TrySetResult();
            await release;
            await stream.WriteAsync(Encoding.UTF8.GetBytes(rest));
        }

        protected override bool TryComputeLength(out long length) { length = -1; return false; }
    }

    [Fact]
    public async Task More_slow_uploads_than_pooled_connections_leave_the_Api_answering_and_all_rows_land()
    {
        var marketer = api.Marketer();
        marketer.Timeout = TimeSpan.FromSeconds(60);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var uploads = new List<(Guid Campaign, Task<HttpResponseMessage> Response)>();
        var firstParts = new List<Task>();
        var campaigns = new List<Guid>();
        for (var i = 0; i < LimitedApi.PoolSize + 4; i++)
            campaigns.Add(await marketer.CreateCampaignAsync(ApiCalls.ValidCampaign("Slow upload " + Guid.NewGuid())));
        foreach (var campaign in campaigns)
        {
            // past the importer's 16 KB sniff and several batches, then stalled on an unfinished batch
            var first = "phone\n" + string.Join('\n', LimitedApi.Numbers(0, 1550)) + "\n";
            var rest = string.Join('\n', LimitedApi.Numbers(1550, 50)) + "\n";
            var content = new StalledCsv(first, rest, release.Task);
            content.Headers.ContentType = new("text/csv");
            firstParts.Add(content.FirstSent.Task);
            uploads.Add((campaign, marketer.PostAsync($"/api/campaigns/{campaign}/contacts", content)));
        }
        await Task.WhenAll(firstParts);
        await Task.Delay(TimeSpan.FromSeconds(2)); // the Api reads and writes what it has

        var answer = await marketer.GetAsync($"/api/campaigns/{uploads[0].Campaign}");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        release.SetResult();
        foreach (var (campaign, response) in uploads)
        {
            var done = await response;
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
            Assert.Equal(1600, (await done.ReadJsonAsync())["imported"]!.GetValue<int>());
        }
    }
}
