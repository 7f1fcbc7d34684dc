using System.Security.Claims;
using Dialer.Core.Auth;

namespace Dialer.Api.Auth.Oidc;

/// <summary>
/// Who a person signed in at the identity provider is here: the Dialer user with the email the provider vouches for.
/// Nobody else gets in: no user is made on the fly, and a disabled user or an unverified email is refused.
/// </summary>
public static class OidcUsers
{
    /// <summary>
    /// The email the provider's claim carries, normalised; null with the reason when there is none to use.
    /// </summary>
    public static string? EmailOf(ClaimsPrincipal external, string emailClaim, out string refusal)
    {
        refusal = "";
        if (external.FindFirst("email_verified")?.Value is { } verified
            && !string.Equals(verified, "true", StringComparison.OrdinalIgnoreCase))
        {
            refusal = "The identity provider has not verified this email.";
            return null;
        }
        var raw = external.FindFirst(emailClaim)?.Value;
        if (!UserEmails.TryNormalize(raw, out var email, out _))
        {
            refusal = $"The identity provider gave no email in the claim '{emailClaim}'.";
            return null;
        }
        return email;
    }

    /// <summary>
    /// The principal the policies read, for the user found by that email; null with the reason when refused.
    /// </summary>
    public static ClaimsPrincipal? SignIn(User? user, DateTimeOffset now, string scheme, out string refusal)
    {
        refusal = user is null ? "No Dialer user has this email: ask an administrator to add it to your user."
            : user.DisabledAt is not null && user.DisabledAt <= now ? "This user is disabled."
            : "";
        return refusal.Length == 0 ? DialerPrincipal.For(user!, scheme) : null;
    }
}
