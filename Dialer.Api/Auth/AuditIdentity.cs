using System.Security.Claims;

namespace Dialer.Api.Auth;

public static class AuditIdentity
{
    /// <summary>Who did it, for the records that must say so: the user's id, which a rename does not change.</summary>
    public static string AuditId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");
}
