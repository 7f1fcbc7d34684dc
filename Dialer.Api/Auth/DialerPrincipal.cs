using System.Security.Claims;
using Dialer.Core.Auth;

namespace Dialer.Api.Auth;

/// <summary>
/// The signed-in user as every policy reads them, whichever way they signed in (a key, a hub ticket, SSO).
/// </summary>
public static class DialerPrincipal
{
    public static ClaimsPrincipal For(User user, string scheme)
    {
        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.Name),
            new(ClaimTypes.Role, user.Role.ToString()),
            new(DialerClaims.TeamId, user.TeamId.ToString()),
            .. user.AgentId is { } agentId ? [new Claim(DialerClaims.AgentId, agentId.ToString())]
            : Array.Empty<Claim>(),
        ];
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
