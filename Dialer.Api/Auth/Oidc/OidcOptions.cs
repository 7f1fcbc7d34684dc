using Microsoft.Extensions.Options;

namespace Dialer.Api.Auth.Oidc;

/// <summary>
/// Single sign-on for the pages through an OpenID Connect identity provider; off unless Enabled. The API keeps its
/// keys either way (docs/security.md#single-sign-on).
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Oidc";

    public bool Enabled { get; set; }
    /// <summary>The identity provider's issuer address; its discovery document is read from there.</summary>
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>The claim of the ID token (or user info) that carries the email a Dialer user is found by.</summary>
    public string EmailClaim { get; set; } = "email";
    /// <summary>Where the provider sends the browser back; register it with the provider.</summary>
    public string CallbackPath { get; set; } = "/signin-oidc";
    /// <summary>How long a page sign-in lasts (sliding).</summary>
    public int SessionHours { get; set; } = 8;
}

/// <summary>Checked at start when on: a bad setting stops the Api with a message naming it.</summary>
public sealed class OidcOptionsValidation : IValidateOptions<OidcOptions>
{
    public ValidateOptionsResult Validate(string? name, OidcOptions o)
    {
        if (!o.Enabled) return ValidateOptionsResult.Success;
        var failures = new List<string>();
        if (!Uri.TryCreate(o.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
            failures.Add("Oidc:Authority must be the identity provider's https:// address.");
        if (string.IsNullOrWhiteSpace(o.ClientId) || o.ClientId.Length > 200)
            failures.Add("Oidc:ClientId is required (at most 200 characters).");
        if (string.IsNullOrWhiteSpace(o.ClientSecret) || o.ClientSecret.Length > 500)
            failures.Add("Oidc:ClientSecret is required (at most 500 characters).");
        if (string.IsNullOrWhiteSpace(o.EmailClaim) || o.EmailClaim.Length > 200)
            failures.Add("Oidc:EmailClaim names the claim carrying the email (at most 200 characters).");
        if (!o.CallbackPath.StartsWith('/') || o.CallbackPath.Length > 200)
            failures.Add("Oidc:CallbackPath must be a path starting with '/'.");
        if (o.SessionHours is < 1 or > 24) failures.Add("Oidc:SessionHours must be between 1 and 24.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
