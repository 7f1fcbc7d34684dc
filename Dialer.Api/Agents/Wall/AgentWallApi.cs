using System.Security.Claims;
using Dialer.Api.Auth;
using Dialer.Api.Teams;
using Dialer.Contracts;
using Dialer.Core.Agents;
using Dialer.Core.Data;
using Dialer.Core.Figures;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dialer.Api.Agents.Wall;

/// <summary>
/// The managers' side of the agents: the wall of every agent's state and day, and logging an agent out.
/// </summary>
public static class AgentWallApi
{
    public sealed record LogoutRequest(string? Reason);
    public sealed record LogoutResult(Guid AgentId, AgentState State, bool Deferred);
    public sealed record Wall(IReadOnlyList<AgentWallRow> Agents, AgentLimits Limits);

    /// <param name="agents">the /api/agents group</param>
    public static RouteGroupBuilder MapAgentWallApi(this RouteGroupBuilder agents)
    {
        agents.MapGet("/wall", Get).OwnTeamOnly(TeamObject.Agent);
        agents.MapPost("/{id:guid}/logout", Logout).RequireTeamScope(TeamObject.Agent);
        return agents;
    }

    static async Task<Ok<Wall>> Get(DialerDb db, TeamScope scope, TimeProvider clock, IOptions<AgentLimits> limits,
        CancellationToken ct) =>
        TypedResults.Ok(new Wall(await AgentWallQuery.ForAsync(db, null, scope.OnlyTeam, limits.Value,
            clock.GetUtcNow(), ct), limits.Value));

    static async Task<Results<Ok<LogoutResult>, NotFound, ValidationProblem>> Logout(Guid id, LogoutRequest? request,
        ClaimsPrincipal user, AgentChanges changes, CancellationToken ct)
    {
        var reason = request?.Reason?.Trim();
        if (reason is { Length: > 200 })
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["reason"] = ["At most 200 characters."] });
        var by = user.Identity?.Name ?? "a manager";
        var immediate = false;
        var outcome = await changes.ApplyAsync(id, (agent, unit) =>
        {
            immediate = agent.RequestLogout(by, string.IsNullOrEmpty(reason) ? null : reason, unit.Now);
            unit.Publish(new AgentLogoutRequested(id, by, reason, !immediate, unit.Now));
            return null;
        }, ct);
        if (outcome.Agent is not { } agent) return TypedResults.NotFound();
        return TypedResults.Ok(new LogoutResult(id, agent.State, !immediate));
    }
}
