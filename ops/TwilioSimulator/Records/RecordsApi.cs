using Dialer.TwilioSimulator.Agents;
using Dialer.TwilioSimulator.Calls;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dialer.TwilioSimulator.Records;

/// <summary>The record of placed calls, for tests and benchmarks: GET/DELETE /sim/calls, GET /sim/stats,
/// GET /sim/rate/{accountSid} (creates per second).</summary>
public static class RecordsApi
{
    public static RouteGroupBuilder MapRecordsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/sim").WithTags("Simulator");
        group.MapGet("/calls", (string? to, CallRecordStore records) => TypedResults.Ok(records.Snapshot(to)));
        group.MapGet("/calls/{sid}", Find);
        group.MapDelete("/calls", Reset);
        group.MapGet("/stats", (CallRecordStore records, CreateRate rate) => TypedResults.Ok(records.Stats(rate)));
        group.MapGet("/rate/{accountSid}",
            (string accountSid, CreateRate rate) => TypedResults.Ok(rate.Seconds(accountSid)));
        return group;
    }

    static Results<Ok<SimCallRecord>, NotFound>
        Find(string sid, CallRecordStore records) =>
        records.Record(sid) is { } record ? TypedResults.Ok(record) : TypedResults.NotFound();

    /// <summary>
    /// Between tests: forget every call (live ones end silently), and free the agents, conferences and recordings.
    /// </summary>
    static Ok<ResetResult> Reset(
        CallRecordStore records, CallDesk desk, SimulatedAgents agents, ConferenceRegistry conferences,
        AgentLines lines, Recordings.CallRecordings recordings, CreateRate rate)
    {
        var forgotten = records.Clear();
        desk.ResetPacing();
        lines.Reset();
        conferences.Reset();
        agents.Reset();
        recordings.Reset();
        rate.Reset();
        return TypedResults.Ok(new ResetResult(forgotten));
    }

    public sealed record ResetResult(int Forgotten);
}
