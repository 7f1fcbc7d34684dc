using Dialer.Api.Auth;
using Dialer.Core.Agents;
using Dialer.Core.Auth;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Users;

public static class UsersApi
{
    public sealed record CreateUserRequest(string Name, Role Role);
    /// <summary>The key is shown once, here; only its hash is kept.</summary>
    public sealed record CreatedUser(Guid Id, string Name, Role Role, string ApiKey, Guid? AgentId);
    public sealed record UserResponse(Guid Id, string Name, Role Role, Guid? AgentId, DateTimeOffset CreatedAt);

    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization();
        group.MapPost("/", Create).RequireAuthorization(Policies.Admin);
        group.MapGet("/", List).RequireAuthorization(Policies.Admin);
        group.MapGet("/me", Me).RequireAuthorization();
        return group;
    }

    static async Task<Results<Created<CreatedUser>, ValidationProblem>> Create(
        CreateUserRequest request, DialerDb db, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["Give a name of at most 200 characters."] });
        if (!Enum.IsDefined(request.Role))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["Unknown role."] });

        var now = clock.GetUtcNow();
        var key = User.NewKey();
        var user = new User { Id = Guid.CreateVersion7(now), Name = request.Name, Role = request.Role, ApiKeyHash = User.HashKey(key), CreatedAt = now };
        if (request.Role == Role.Agent)
        {
            // every agent user has an agent record: the identity their browser phone registers as. The whole id:
            // a version 7 id begins with its millisecond, so a prefix is shared by users created in the same one.
            var agent = new Agent
            {
                Id = Guid.CreateVersion7(now), Name = request.Name, ClientIdentity = "agent-" + user.Id.ToString("N"), StateSince = now,
            };
            db.Agents.Add(agent);
            user.AgentId = agent.Id;
        }
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/users/{user.Id}", new CreatedUser(user.Id, user.Name, user.Role, key, user.AgentId));
    }

    static async Task<Ok<List<UserResponse>>> List(DialerDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.Users.AsNoTracking().OrderBy(u => u.CreatedAt)
            .Select(u => new UserResponse(u.Id, u.Name, u.Role, u.AgentId, u.CreatedAt)).ToListAsync(ct));

    static Ok<object> Me(System.Security.Claims.ClaimsPrincipal user) => TypedResults.Ok<object>(new
    {
        name = user.Identity?.Name,
        role = user.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value,
    });
}
