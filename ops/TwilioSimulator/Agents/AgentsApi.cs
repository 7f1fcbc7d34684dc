namespace Dialer.TwilioSimulator.Agents;

/// <summary>GET /sim/agents and /sim/conferences: who is talking, and who is in which conference.</summary>
public static class AgentsApi
{
    public static IEndpointRouteBuilder MapAgentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sim/agents", (SimulatedAgents agents) => TypedResults.Ok(agents.Snapshot())).WithTags("Simulator");
        app.MapGet("/sim/conferences", (ConferenceRegistry conferences) => TypedResults.Ok(conferences.Snapshot())).WithTags("Simulator");
        return app;
    }
}
