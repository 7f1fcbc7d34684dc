using System.Net;
using System.Text.RegularExpressions;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Auth;

/// <summary>Every route of the real Api says who may call it, and every team-scoped route names a parameter it
/// has.</summary>
[Collection(ApiCollection.Name)]
public sealed class RouteAuthorizationTests(ApiFactory api)
{
    [Fact]
    public async Task Every_route_has_a_policy_or_is_anonymous_with_a_reason()
    {
        _ = api.Server; // builds the host, and so maps its routes
        var rows = await RouteRow.ReadAsync(api.Services);

        Assert.True(rows.Count > 80, $"only {rows.Count} routes read: the endpoint data source is not the Api's");
        Assert.Empty(rows.Where(r => !r.HasAuthorization)
            .Select(r => $"{r.Method} {r.Route}: no policy, not anonymous"));
        Assert.Empty(rows.Where(r => r.Anonymous && string.IsNullOrWhiteSpace(r.AnonymousReason))
            .Select(r => $"{r.Method} {r.Route}: anonymous without a reason"));
    }

    [Fact]
    public async Task Anonymous_routes_are_only_health_metrics_Twilio_webhooks_and_the_shells_of_pages()
    {
        _ = api.Server;
        var open = (await RouteRow.ReadAsync(api.Services)).Where(r => r.Anonymous).Select(r => r.Route).Distinct()
            .ToList();
        var allowed = new Regex(
            @"^/(health/.*|metrics|twilio/.*|openapi/.*|scalar(/.*)?|agent(/index\.html)?|manager/(index\.html)?"
            + @"|campaigns(/edit|/contacts)?|do-not-call|i18n/messages)?$"); // the last: the pages' words, no data
        Assert.DoesNotContain(open, route => !allowed.IsMatch(route));
    }

    [Fact]
    public async Task Every_route_that_names_an_object_by_route_parameter_is_team_scoped_or_the_callers_own()
    {
        _ = api.Server;
        // routes whose ids are checked otherwise: the caller's own calls (agent console), supervision sessions of an
        // agent checked by {agentId}, users and teams (admins only)
        var own = new System.Text.RegularExpressions.Regex(@"^/api/(agent-console|users|teams)/|/supervision/\{id");
        var unscoped = (await RouteRow.ReadAsync(api.Services))
            .Where(r => r.Route.Contains("{id") || r.Route.Contains("{agentId"))
            .Where(r => !own.IsMatch(r.Route) && !r.TeamScopes.Any(s => s.Parameter is not null))
            .Select(r => $"{r.Method} {r.Route}");
        Assert.Empty(unscoped);
    }

    [Fact]
    public async Task An_unknown_route_asked_without_a_key_is_refused_not_found_out()
    {
        var anonymous = await api.Anonymous().GetAsync("/api/no-such-route");
        var signedIn = await api.ClientAs(Role.Marketer).GetAsync("/api/no-such-route");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, signedIn.StatusCode);
    }
}
