using System.Net;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Health;

[Collection(ApiCollection.Name)]
public sealed class HealthTests(ApiFactory api)
{
    [Fact]
    public async Task The_openapi_document_and_scalar_are_served()
    {
        var client = api.Anonymous();
        var doc = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/campaigns/{id}/contacts", doc);
        Assert.Contains("X-Api-Key", doc);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar/")).StatusCode);
    }
}
