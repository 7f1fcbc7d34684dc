using Dialer.Api.Auth;

namespace Dialer.Api.Dashboard;

/// <summary>
/// SignalR clients carry the key as a bearer token (long polling, server-sent events, .NET clients) or, since
/// a browser cannot put headers on a WebSocket, as ?access_token=. On hub paths only (nowhere else may a key
/// travel in a URL), the key moves to X-Api-Key before authentication.
/// </summary>
public static class HubAccessTokens
{
    public static IApplicationBuilder UseHubAccessTokens(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/hubs") && !request.Headers.ContainsKey(ApiKeyAuthentication.Header))
        {
            var bearer = request.Headers.Authorization.ToString();
            if (bearer.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                request.Headers[ApiKeyAuthentication.Header] = bearer["Bearer ".Length..].Trim();
            else if (request.Query.TryGetValue("access_token", out var token) && token.Count > 0)
                request.Headers[ApiKeyAuthentication.Header] = token.ToString();
        }
        return next(context);
    });
}
