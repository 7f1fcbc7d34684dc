using System.Text;
using Dialer.Api.Teams;
using Dialer.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dialer.Tests.Auth;

/// <summary>One row per route and method of the real Api, read from its endpoint metadata.</summary>
/// <param name="Policies">the named policies, "signed in" for a bare RequireAuthorization(), empty when
/// anonymous</param>
/// <param name="Roles">the roles the combined policy lets in; null when any signed-in user (or anyone) may call</param>
public sealed record RouteRow(string Route, string Method, string[] Policies, string[]? Roles, bool Anonymous,
    string? AnonymousReason, TeamScoped[] TeamScopes, bool HasAuthorization, string[] Accepts)
{
    public static async Task<List<RouteRow>> ReadAsync(IServiceProvider services)
    {
        var provider = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var rows = new List<RouteRow>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var m = endpoint.Metadata;
            var authorize = m.GetOrderedMetadata<IAuthorizeData>();
            var anonymous = m.GetMetadata<IAllowAnonymous>() is not null;
            string[]? roles = null;
            if (!anonymous && authorize.Count > 0)
            {
                var policy = await AuthorizationPolicy.CombineAsync(provider, authorize,
                    m.GetOrderedMetadata<AuthorizationPolicy>());
                foreach (var allowed in policy!.Requirements.OfType<RolesAuthorizationRequirement>())
                    roles = roles is null ? [.. allowed.AllowedRoles] : [.. roles.Intersect(allowed.AllowedRoles)];
            }
            var named = authorize.Select(a => a.Policy).OfType<string>().Distinct().ToArray();
            var policies = named.Length > 0 ? named : ["signed in"];
            var methods = m.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            foreach (var method in methods)
                rows.Add(new RouteRow("/" + endpoint.RoutePattern.RawText!.TrimStart('/'), method,
                    anonymous ? [] : policies, roles,
                    anonymous, m.GetMetadata<AnonymousBecause>()?.Reason, [.. m.GetOrderedMetadata<TeamScoped>()],
                    anonymous || authorize.Count > 0, [.. m.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? []]));
        }
        return [.. rows.OrderBy(r => r.Route, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)];
    }

    /// <summary>docs/routes.md: the table, written by the routes test (UPDATE_ROUTES_DOC=1) and compared by
    /// it.</summary>
    public static string Markdown(IEnumerable<RouteRow> rows)
    {
        var doc = new StringBuilder();
        doc.Append("""
            # Routes by role and team

            Generated from the Api's endpoint metadata by `Dialer.Tests/Auth/RoutesDocTests.cs`; do not edit by hand.
            After changing a route, run that test with `UPDATE_ROUTES_DOC=1` to rewrite this file; it fails while the
            committed file differs. **Roles**: who the route's policies let in (admins see every team). **Team**: how
            the route is held to the caller's team (see [security.md](security.md#teams)): an object named by a route
            or query parameter answers 404 when it is another team's; "own team's ... only" means the route reads,
            lists or writes only the caller's team's objects (an agent: their assigned campaigns); "—" means the route
            touches no team's object. The pages' files under wwwroot are static files, served before routing and
            holding no data; they are not routes.

            | route | method | policy | roles | team |
            | --- | --- | --- | --- | --- |

            """);
        foreach (var r in rows)
        {
            var policy = r.Anonymous ? $"anonymous: {r.AnonymousReason}" : string.Join(", ", r.Policies);
            var roles = r.Anonymous ? "anyone" : r.Roles is null ? "any signed-in user" : string.Join(", ", r.Roles);
            var team = r.TeamScopes.Length == 0 ? "—" : string.Join("; ", r.TeamScopes.Select(t => t.Describe()));
            doc.Append($"| `{r.Route.Replace("|", "\\|")}` | {r.Method} | {policy} | {roles} | {team} |\n");
        }
        return doc.ToString();
    }
}
