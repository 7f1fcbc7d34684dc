using System.Security.Claims;
using Dialer.Api.Auth;
using Dialer.Core.Agents;
using Dialer.Core.Auth;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Teams;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Users;

public static class UsersApi
{
    /// <param name="TeamId">the user's team; the Default team when left out</param>
    /// <param name="Email">the email single sign-on finds the user by (optional, unique)</param>
    public sealed record CreateUserRequest(string Name, Role Role, string? Phone = null,
        DateTimeOffset? KeyExpiresAt = null, Guid? TeamId = null, string? Email = null);
    /// <summary>The key is shown once, here; only its hash is kept.</summary>
    public sealed record CreatedUser(Guid Id, string Name, Role Role, string ApiKey, Guid? AgentId, Guid TeamId);
    public sealed record UserResponse(Guid Id, string Name, Role Role, Guid? AgentId, DateTimeOffset CreatedAt,
        string? Phone, string? ClientIdentity, DateTimeOffset? DisabledAt, DateTimeOffset? KeyExpiresAt, Guid TeamId,
        string? Email);
    /// <summary>
    /// Where the user may be reached from, and their team: an absent field stays as it is, an empty one clears it.
    /// Moving an agent to another team ends their campaign assignments.
    /// </summary>
    public sealed record UpdateUserRequest(string? Phone, string? ClientIdentity, Guid? TeamId = null,
        string? Email = null);
    public sealed record NewKeyRequest(DateTimeOffset? ExpiresAt);
    public sealed record NewKey(string ApiKey, DateTimeOffset? ExpiresAt);

    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization();
        group.MapPost("/", Create).RequireAuthorization(Policies.Admin);
        group.MapGet("/", List).RequireAuthorization(Policies.Admin);
        group.MapGet("/me", Me).RequireAuthorization();
        group.MapPatch("/{id:guid}", Update).RequireAuthorization(Policies.Admin);
        group.MapPost("/{id:guid}/disable",
            (Guid id, ClaimsPrincipal me, DialerDb db, TimeProvider clock, CancellationToken ct) =>
            SetDisabledAsync(id, me, db, clock.GetUtcNow(), ct)).RequireAuthorization(Policies.Admin);
        group.MapPost("/{id:guid}/enable", (Guid id, ClaimsPrincipal me, DialerDb db, CancellationToken ct) =>
            SetDisabledAsync(id, me, db, null, ct)).RequireAuthorization(Policies.Admin);
        group.MapPost("/{id:guid}/key", RotateKey).RequireAuthorization(Policies.Admin)
            .WithDescription("A new key for the user; the old one stops working within seconds.");
        return group;
    }

    static async Task<Results<Created<CreatedUser>, ValidationProblem>> Create(
        CreateUserRequest request, DialerDb db, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
            return Invalid("name", "Give a name of at most 200 characters.");
        if (!Enum.IsDefined(request.Role)) return Invalid("role", "Unknown role.");
        var now = clock.GetUtcNow();
        if (request.KeyExpiresAt is { } expires && expires <= now)
            return Invalid("keyExpiresAt", "Give a time in the future.");
        string? phone = null;
        if (request.Phone is { Length: > 0 } && !Phones.TryNormalize(request.Phone, "US", out phone, out var why))
            return Invalid("phone", why);
        var team = request.TeamId ?? Team.DefaultId;
        if (!await db.Teams.AnyAsync(t => t.Id == team, ct)) return Invalid("teamId", "No such team.");
        var (email, badEmail) = await EmailAsync(db, request.Email, null, ct);
        if (badEmail is not null) return badEmail;

        var key = User.NewKey();
        var user = new User
        {
            Id = Guid.CreateVersion7(now), Name = request.Name, Role = request.Role, ApiKeyHash = User.HashKey(key),
            CreatedAt = now, Phone = phone, KeyExpiresAt = request.KeyExpiresAt, TeamId = team, Email = email,
        };
        if (request.Role is Role.Manager or Role.Admin) user.ClientIdentity = "manager-" + user.Id.ToString("N");
        if (request.Role == Role.Agent)
        {
            // every agent user has an agent record: the identity their browser phone registers as. The whole id:
            // a version 7 id begins with its millisecond, so a prefix is shared by users created in the same one.
            var agent = new Agent
            {
                Id = Guid.CreateVersion7(now), Name = request.Name, ClientIdentity = "agent-" + user.Id.ToString("N"),
                StateSince = now,
                TeamId = team,
            };
            db.Agents.Add(agent);
            user.AgentId = agent.Id;
        }
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/users/{user.Id}",
            new CreatedUser(user.Id, user.Name, user.Role, key, user.AgentId, user.TeamId));
    }

    static async Task<Ok<List<UserResponse>>> List(DialerDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.Users.AsNoTracking().OrderBy(u => u.CreatedAt)
            .Select(u => new UserResponse(
                u.Id, u.Name, u.Role, u.AgentId, u.CreatedAt, u.Phone, u.ClientIdentity, u.DisabledAt,
                u.KeyExpiresAt, u.TeamId, u.Email))
            .ToListAsync(ct));

    static async Task<Results<NoContent, NotFound, ValidationProblem>> Update(Guid id, UpdateUserRequest request,
        DialerDb db, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return TypedResults.NotFound();
        if (request.Phone is { } phone)
        {
            if (phone.Length == 0) user.Phone = null;
            else if (Phones.TryNormalize(phone, "US", out var e164, out var why)) user.Phone = e164;
            else return Invalid("phone", why);
        }
        if (request.ClientIdentity is { } identity)
        {
            if (identity.Length > 0 && !Supervision.SupervisionInput.IsClientName(identity))
                return Invalid("clientIdentity", "Letters, digits and _ . @ - only, at most 121.");
            if (identity.Length > 0 && await db.Users.AnyAsync(u => u.ClientIdentity == identity && u.Id != id, ct))
                return Invalid("clientIdentity", "Another user has this identity.");
            user.ClientIdentity = identity.Length == 0 ? null : identity;
        }
        if (request.Email is not null)
        {
            var (email, badEmail) = await EmailAsync(db, request.Email, id, ct);
            if (badEmail is not null) return badEmail;
            user.Email = email;
        }
        var moveTo = request.TeamId is { } team && team != user.TeamId ? team : (Guid?)null;
        if (moveTo is not null && !await db.Teams.AnyAsync(t => t.Id == moveTo, ct))
            return Invalid("teamId", "No such team.");
        await db.SaveChangesAsync(ct);
        if (moveTo is not null) // one statement: the user, their agent and its assignments move together or not at all
            await db.Database.ExecuteSqlAsync($"""
                WITH u AS (UPDATE users SET team_id = {moveTo} WHERE id = {id} RETURNING agent_id),
                     gone AS (DELETE FROM campaign_agents WHERE agent_id IN (SELECT agent_id FROM u))
                UPDATE agents SET team_id = {moveTo}, campaign_ids = ARRAY[]::uuid[] WHERE id IN (SELECT agent_id
                  FROM u)
                """, ct);
        return TypedResults.NoContent();
    }

    static async Task<Results<NoContent, NotFound, ValidationProblem>> SetDisabledAsync(Guid id, ClaimsPrincipal me,
        DialerDb db, DateTimeOffset? disabledAt, CancellationToken ct)
    {
        if (disabledAt is not null && me.AuditId() == id.ToString())
            return Invalid("id", "You cannot disable yourself: another admin can.");
        var changed = await db.Users.Where(u => u.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.DisabledAt, disabledAt), ct);
        return changed == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }

    static async Task<Results<Ok<NewKey>, NotFound, ValidationProblem>> RotateKey(Guid id, NewKeyRequest? request,
        DialerDb db, TimeProvider clock, CancellationToken ct)
    {
        var expires = request?.ExpiresAt;
        if (expires is { } at && at <= clock.GetUtcNow()) return Invalid("expiresAt", "Give a time in the future.");
        var key = User.NewKey();
        var hash = User.HashKey(key);
        var changed = await db.Users.Where(u => u.Id == id)
            .ExecuteUpdateAsync(
                s => s.SetProperty(u => u.ApiKeyHash, hash).SetProperty(u => u.KeyExpiresAt, expires), ct);
        return changed == 0 ? TypedResults.NotFound() : TypedResults.Ok(new NewKey(key, expires));
    }

    /// <summary>Who is signed in, and the lines they may supervise from.</summary>
    static async Task<Ok<object>> Me(ClaimsPrincipal user, DialerDb db, CancellationToken ct)
    {
        var id = Guid.Parse(user.AuditId());
        var lines = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.Phone, u.ClientIdentity, u.TeamId }).SingleAsync(ct);
        return TypedResults.Ok<object>(new
        {
            id,
            name = user.Identity?.Name,
            role = user.FindFirst(ClaimTypes.Role)?.Value,
            phone = lines.Phone,
            clientIdentity = lines.ClientIdentity,
            teamId = lines.TeamId,
        });
    }

    /// <summary>The email normalised (null for none or empty), or why it cannot be this user's.</summary>
    static async Task<(string? Email, ValidationProblem? Problem)> EmailAsync(DialerDb db, string? raw, Guid? userId,
        CancellationToken ct)
    {
        if (string.IsNullOrEmpty(raw)) return (null, null);
        if (!UserEmails.TryNormalize(raw, out var email, out var why)) return (null, Invalid("email", why));
        return await db.Users.AnyAsync(u => u.Email == email && u.Id != userId, ct)
            ? (null, Invalid("email", "Another user has this email.")) : (email, null);
    }

    static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
