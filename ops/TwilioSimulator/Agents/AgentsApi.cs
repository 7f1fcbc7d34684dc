using Dialer.TwilioSimulator.Calls;
using Dialer.TwilioSimulator.Records;

namespace Dialer.TwilioSimulator.Agents;

/// <summary>GET /sim/agents and /sim/conferences[/{sid or name}]: who is talking, who is in which conference, who hears
/// whom. POST /sim/agents/{name}/drop: the agent's tab closes or phone is put down.</summary>
public static class AgentsApi
{
    public static IEndpointRouteBuilder MapAgentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sim/agents", (SimulatedAgents agents) => TypedResults.Ok(agents.Snapshot())).WithTags("Simulator");
        app.MapPost("/sim/agents/{name}/drop", Drop).WithTags("Simulator");
        app.MapGet("/sim/conferences", (ConferenceRegistry conferences) => TypedResults.Ok(conferences.Snapshot()))
            .WithTags("Simulator");
        app.MapGet("/sim/conferences/{sidOrName}", (string sidOrName, ConferenceRegistry conferences) =>
            conferences.Find(sidOrName) is { } room ? Results.Ok(room) : Results.NotFound()).WithTags("Simulator");
        return app;
    }

    /// <summary>
    /// Hangs up the agent's own call (their line, or one still ringing them): the engine gets its completed callback.
    /// </summary>
    static async Task<IResult> Drop(string name, SimulatedAgents agents, CallRecordStore records, TimeProvider time,
        CancellationToken ct)
    {
        if (agents.OwnCall(name) is not { } sid || records.Find(sid) is not { } call)
            return Results.NotFound(new { message = $"agent {name} has no call of their own to drop" });
        call.Note($"agent {name} dropped the line");
        call.Control.HangUp(CallStatus.Completed);
        try
        {
            await call.Control.Ended.Task.WaitAsync(TimeSpan.FromSeconds(2), time, ct);
        }
        catch (TimeoutException)
        {
        }
        return Results.Ok(new { callSid = sid, status = SimCallRecord.Of(call).Status });
    }
}
