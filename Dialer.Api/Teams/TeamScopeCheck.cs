namespace Dialer.Api.Teams;

/// <summary>
/// The object check of every route that declares <see cref="TeamScoped"/> with a parameter, after authorization:
/// another team's object (or one that does not exist) is a 404, so a caller cannot learn that it exists.
/// </summary>
public static class TeamScopeCheck
{
    public static IApplicationBuilder UseTeamScope(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var declared = context.GetEndpoint()?.Metadata.GetOrderedMetadata<TeamScoped>() ?? [];
        foreach (var scoped in declared)
        {
            if (scoped.Parameter is not { } name) continue;
            var raw = context.GetRouteValue(name)?.ToString() ?? context.Request.Query[name].ToString();
            if (string.IsNullOrEmpty(raw)) continue; // the handler's own validation says what is missing
            var scope = context.RequestServices.GetRequiredService<TeamScope>();
            if (!Guid.TryParse(raw, out var id) || !await scope.SeesAsync(scoped.Object, id, context.RequestAborted))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
        }
        await next(context);
    });
}
