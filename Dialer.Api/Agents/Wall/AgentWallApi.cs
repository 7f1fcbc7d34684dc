using System.Security.Claims;
using Dialer.Api.Auth;
using Dialer.Contracts;
using Dialer.Core.Agents;
using Dialer.Core.Data;
using Dialer.Core.Figures;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dialer.Api.Agents.Wall;

/// <summary>The managers' side of the agents: the wall of every agent's state and day, and logging an agent out.</summary>
public static class AgentWallApi
{
    public sealed record LogoutRequest(string? Reason);
    public sealed record LogoutResult(Guid AgentId, AgentState State, bool Deferred);
    public sealed record Wall(IReadOnlyList<AgentWallRow> Agents, AgentLimits Limits);

    public static RouteGroupBuilder MapAgentWallApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/agents").WithTags("Agents").RequireAuthorization(Policies.Manager);
        group.MapGet("/wall", Get);
        group.MapPost("/{id:guid}/logout", Logout);
        return group;
    }

    static async Task<Ok<Wall>> Get(DialerDb db, TimeProvider clock, IOptions<AgentLimits> limits, CancellationToken ct) =>
        TypedResults.Ok(new Wall(await AgentWallQuery.ForAsync(db, null, limits.Value, clock.GetUtcNow(), ct), limits.Value));

    static async Task<Results<Ok<LogoutResult>, NotFound, ValidationProblem>> Logout(Guid id, LogoutRequest? request, ClaimsPrincipal user,
        DialerDb db, IPublishEndpoint bus, TimeProvider clock, CancellationToken ct)
    {
        var reason = request?.Reason?.Trim();
        if (reason is { Length: > 200 })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["At most 200 characters."] });
        var by = user.Identity?.Name ?? "a manager";
        var now = clock.GetUtcNow();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var agent = await AgentLocks.ForUpdateAsync(db, id, ct);
        if (agent is null) return TypedResults.NotFound();
        var immediate = agent.RequestLogout(by, string.IsNullOrEmpty(reason) ? null : reason, now);
        var moves = agent.TakeMoves();
        db.AgentStateChanges.AddRange(moves);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        await AgentSaves.PublishAsync(bus, moves, ct);
        await bus.Publish(new AgentLogoutRequested(id, by, reason, !immediate, now), ct);
        return TypedResults.Ok(new LogoutResult(id, agent.State, !immediate));
    }
}
