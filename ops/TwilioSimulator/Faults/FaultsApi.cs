using Microsoft.AspNetCore.Http.HttpResults;

namespace Dialer.TwilioSimulator.Faults;

/// <summary>GET/POST/DELETE /sim/faults: read, change (only the fields given) and clear the faults in force.</summary>
public static class FaultsApi
{
    public static RouteGroupBuilder MapFaultsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/sim/faults").WithTags("Simulator");
        group.MapGet("/", (FaultState faults) => TypedResults.Ok(faults.Current));
        group.MapPost("/", Change);
        group.MapDelete("/", (FaultState faults) => TypedResults.Ok(faults.Reset()));
        return group;
    }

    static Results<Ok<FaultSettings>, ProblemHttpResult> Change(FaultPatch patch, FaultState faults,
        ILogger<FaultState> logger)
    {
        if (patch.Problem() is { } problem)
            return TypedResults.Problem(problem, statusCode: 400, title: "Invalid fault settings");
        var now = faults.Apply(patch);
        logger.LogInformation("Faults now {@Faults}", now.Masked());
        return TypedResults.Ok(now);
    }
}
