using System.Security.Claims;
using System.Text.Encodings.Web;
using Dialer.Core.Auth;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Dialer.Api.Auth;

/// <summary>
/// An API key in the X-Api-Key header, bound to one user with one role; on the SignalR hubs, a hub ticket instead
/// (in access_token or as a bearer token: never an API key there, for a URL is logged).
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    DialerDb db, IMemoryCache cache, HubTickets tickets)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    /// <summary>A disabled user or a rotated key stops working within this long, on every Api.</summary>
    static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.Count == 0)
            return HubTicket() is { } ticket ? RedeemTicket(ticket) : AuthenticateResult.NoResult();
        var hash = User.HashKey(values.ToString());
        var user = await cache.GetOrCreateAsync("apikey:" + hash, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.ApiKeyHash == hash, Context.RequestAborted);
        });
        if (user is null) return AuthenticateResult.Fail("Unknown API key.");
        if (user.KeyRefusal(TimeProvider.GetUtcNow()) is { } refusal) return AuthenticateResult.Fail(refusal);

        var principal = DialerPrincipal.For(user, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    string? HubTicket()
    {
        if (!Request.Path.StartsWithSegments("/hubs")) return null;
        var bearer = Request.Headers.Authorization.ToString();
        if (bearer.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return bearer["Bearer ".Length..].Trim();
        return Request.Query.TryGetValue("access_token", out var token) && token.Count > 0 ? token.ToString() : null;
    }

    // the user as they were when the ticket was issued, at most HubTickets:LifetimeSeconds ago
    AuthenticateResult RedeemTicket(string ticket) => tickets.Redeem(ticket) is { } user
        ? AuthenticateResult.Success(new AuthenticationTicket(user, SchemeName))
        : AuthenticateResult.Fail("Unknown, used or expired hub ticket (POST /api/hub-tickets for a new one).");
}

public static class DialerClaims
{
    public const string AgentId = "dialer:agent";
    public const string TeamId = "dialer:team";
}
