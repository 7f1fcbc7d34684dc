using Dialer.Core.Auth;
using Microsoft.AspNetCore.Authorization;

namespace Dialer.Api.Auth;

/// <summary>Who may do what; each API group names one of these once.</summary>
public static class Policies
{
    /// <summary>Define campaigns, upload lists, manage do-not-call entries.</summary>
    public const string Marketer = nameof(Marketer);
    /// <summary>Read campaigns, contacts and results.</summary>
    public const string Reader = nameof(Reader);
    /// <summary>Manage agents and watch the floor.</summary>
    public const string Manager = nameof(Manager);
    public const string Agent = nameof(Agent);
    /// <summary>Hear call recordings: managers any, an agent their own calls' (each recording checks which).</summary>
    public const string Listener = nameof(Listener);
    public const string Admin = nameof(Admin);

    public static IHostApplicationBuilder AddApiKeyAuth(this IHostApplicationBuilder builder)
    {
        HubTickets.Register(builder); // the scheme takes a hub ticket where a key may not go (a hub's URL)
        builder.Services.AddMemoryCache();
        builder.Services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(
                ApiKeyAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            // a route that names no policy (nor AllowAnonymous with a reason) is for signed-in users, not for anyone
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Marketer, p => p.RequireRole(nameof(Role.Admin), nameof(Role.Marketer)))
            .AddPolicy(Reader, p => p.RequireRole(nameof(Role.Admin), nameof(Role.Marketer), nameof(Role.Manager)))
            .AddPolicy(Manager, p => p.RequireRole(nameof(Role.Admin), nameof(Role.Manager)))
            .AddPolicy(Agent, p => p.RequireRole(nameof(Role.Agent)).RequireClaim(DialerClaims.AgentId))
            .AddPolicy(Listener, p => p.RequireRole(nameof(Role.Admin), nameof(Role.Manager), nameof(Role.Agent)))
            .AddPolicy(Admin, p => p.RequireRole(nameof(Role.Admin)));
        return builder;
    }
}
