using System.Net;
using Dialer.Api.Auth;
using Dialer.Core.Auth;
using Dialer.Core.Data;
using Dialer.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dialer.Tests.Auth;

/// <summary>A route mapped with no policy at all, under the Api's own authentication and authorization setup.</summary>
[Collection(ApiCollection.Name)]
public sealed class FallbackPolicyTests(ApiFactory api)
{
    [Fact]
    public async Task A_route_that_forgets_its_policy_is_refused_to_callers_without_a_key()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddDbContext<DialerDb>(o => o.UseDialerDb(api.Database.ConnectionString));
        builder.AddApiKeyAuth(); // the Api's own registration, fallback policy included
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/forgot-its-policy", () => "anyone's");
        await app.StartAsync();

        var client = app.GetTestClient();
        var anonymous = await client.GetAsync("/forgot-its-policy");
        var key = await SignedInKeyAsync();
        client.DefaultRequestHeaders.Add(ApiKeyAuthentication.Header, key);
        var signedIn = await client.GetAsync("/forgot-its-policy");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    async Task<string> SignedInKeyAsync()
    {
        var key = User.NewKey();
        await using var db = api.Database.CreateDb();
        db.Users.Add(
            new User
            {
                Id = Guid.NewGuid(), Name = "fallback", Role = Role.Agent, ApiKeyHash = User.HashKey(key),
                CreatedAt = DateTimeOffset.UtcNow
            });
        await db.SaveChangesAsync();
        return key;
    }
}
