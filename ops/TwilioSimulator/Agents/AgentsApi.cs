namespace Dialer.TwilioSimulator.Agents;

/// <summary>GET /sim/agents and /sim/conferences[/{sid or name}]: who is talking, who is in which conference, who hears whom.</summary>
public static class AgentsApi
{
    public static IEndpointRouteBuilder MapAgentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sim/agents", (SimulatedAgents agents) => TypedResults.Ok(agents.Snapshot())).WithTags("Simulator");
        app.MapGet("/sim/conferences", (ConferenceRegistry conferences) => TypedResults.Ok(conferences.Snapshot())).WithTags("Simulator");
        app.MapGet("/sim/conferences/{sidOrName}", (string sidOrName, ConferenceRegistry conferences) =>
            conferences.Find(sidOrName) is { } room ? Results.Ok(room) : Results.NotFound()).WithTags("Simulator");
        return app;
    }
}
