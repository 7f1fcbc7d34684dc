using Dialer.Api.Agents.Wall;
using Dialer.Api.Auth;
using Dialer.Api.Supervision;

namespace Dialer.Api.Agents;

/// <summary>
/// The managers' view of agents, one route group (/api/agents, managers only): the wall, logging an agent out, and
/// supervising an agent's call. An agent's own console is <see cref="AgentConsoleApi"/> (/api/agent-console).
/// </summary>
public static class AgentsRoutes
{
    public static RouteGroupBuilder MapAgents(this IEndpointRouteBuilder app)
    {
        var agents = app.MapGroup("/api/agents").WithTags("Agents").RequireAuthorization(Policies.Manager);
        agents.MapAgentWallApi();
        agents.MapSupervisionApi();
        return agents;
    }
}
