using System.Net;
using System.Net.Http.Json;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Inputs;

/// <summary>Forecasts are simulations: only a few run at once per instance, the rest are told when to come
/// back.</summary>
[Collection(ApiCollection.Name)]
public sealed class ForecastGateTests(ApiFactory api)
{
    [Fact]
    public async Task Forecasts_beyond_the_concurrency_cap_are_a_429_with_Retry_After()
    {
        var marketer = api.ClientAs(Role.Marketer);
        var id = await marketer.CreateCampaignAsync(ApiCalls.ValidCampaign("Forecast gate " + Guid.NewGuid()));
        var request = new { agents = 10, answerRate = 0.3, talkSeconds = 120, wrapSeconds = 20 };
        var responses = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => marketer.PostAsJsonAsync($"/api/campaigns/{id}/forecast", request)));

        Assert.All(responses,
            r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        var refused = Assert.Single(responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).Take(1));
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("Forecast:MaxConcurrent", (await refused.ReadJsonAsync())["detail"]!.GetValue<string>());
    }
}
