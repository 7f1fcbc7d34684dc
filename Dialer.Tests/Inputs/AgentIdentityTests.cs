using System.Net;
using System.Net.Http.Json;
using Dialer.Core.Auth;
using Dialer.Tests.Managers;

namespace Dialer.Tests.Inputs;

/// <summary>Agent users created in the same millisecond still get distinct browser-phone identities.</summary>
public sealed class AgentIdentityTests(FrozenClockApi api) : IClassFixture<FrozenClockApi>
{
    [Fact]
    public async Task Two_agents_created_at_the_same_instant_get_different_client_identities()
    {
        var key = User.NewKey();
        await using (var db = api.Database.CreateDb())
        {
            db.Users.Add(
                new User
                {
                    Id = Guid.NewGuid(), Name = "frozen admin", Role = Role.Admin,
                    ApiKeyHash = User.HashKey(key), CreatedAt = KnownAgentDays.Now
                });
            await db.SaveChangesAsync();
        }
        var admin = api.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", key);

        var first = await admin.PostAsJsonAsync("/api/users", new { name = "same instant one", role = "agent" });
        var second = await admin.PostAsJsonAsync("/api/users", new { name = "same instant two", role = "agent" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        await using var check = api.Database.CreateDb();
        Assert.Equal(2,
            check.Agents.Where(a => a.Name.StartsWith("same instant")).Select(a => a.ClientIdentity).Distinct()
            .Count());
    }
}
