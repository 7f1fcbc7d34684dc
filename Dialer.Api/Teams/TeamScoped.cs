namespace Dialer.Api.Teams;

/// <summary>The kinds of object a team owns; an agent's campaigns are those assigned to them.</summary>
public enum TeamObject { Campaign, Agent, Recording, AssignedCampaign, Webhook, List, RegistryList }

/// <summary>
/// Endpoint metadata: the route touches objects of one team. With a <see cref="Parameter"/> (a route value, or a query
/// value of that name) <see cref="TeamScopeCheck"/> answers 404 before the handler runs when the signed-in user may
/// not see that object; without one, the handler reads only what <see cref="TeamScope"/> lets through (lists).
/// The routes table (docs/routes.md) is written from this.
/// </summary>
public sealed record TeamScoped(TeamObject Object, string? Parameter)
{
    public string Describe() => (Object, Parameter) switch
    {
        (TeamObject.AssignedCampaign, null) => "the agent's assigned campaigns only",
        (_, null) => $"own team's {Object.ToString().ToLowerInvariant()}s only",
        _ => $"{Object.ToString().ToLowerInvariant()} {{{Parameter}}}",
    };
}

public static class TeamScopedRoutes
{
    /// <summary>404 unless the signed-in user may see the <paramref name="kind"/> the parameter names.</summary>
    public static TBuilder RequireTeamScope<TBuilder>(this TBuilder builder, TeamObject kind, string parameter = "id")
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new TeamScoped(kind, parameter));

    /// <summary>Declares that the handler reads or writes only the user's team's objects (through TeamScope).</summary>
    public static TBuilder OwnTeamOnly<TBuilder>(this TBuilder builder, TeamObject kind)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new TeamScoped(kind, null));
}
