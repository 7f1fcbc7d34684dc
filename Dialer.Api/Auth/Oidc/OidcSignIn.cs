using Dialer.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dialer.Api.Auth.Oidc;

/// <summary>
/// When Oidc:Enabled: the pages sign in at the identity provider and keep a cookie; the API takes that cookie from
/// the pages' own calls, and an X-Api-Key (or a hub ticket) exactly as before from anyone else.
/// </summary>
public static class OidcSignIn
{
    public const string Scheme = "Oidc", CookieScheme = "DialerPages", Selector = "KeyOrPages";
    const string CookieName = "dialer.pages", SignedInMark = "dialer.sso";
    /// <summary>
    /// The pages a person opens (their shells and static files): an unsigned-in visit goes to the provider.
    /// </summary>
    static readonly PathString[] Pages = ["/campaigns", "/do-not-call", "/manager", "/agent", "/reports"];

    public static IHostApplicationBuilder AddOidcSignIn(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<OidcOptions>, OidcOptionsValidation>();
        builder.Services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.Section).ValidateOnStart();
        var o = builder.Configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        if (!o.Enabled) return builder;

        var development = builder.Environment.IsDevelopment();
        builder.Services.AddAuthentication(a => a.DefaultScheme = Selector)
            .AddPolicyScheme(Selector, null, p => p.ForwardDefaultSelector = http =>
                http.Request.Headers.ContainsKey(ApiKeyAuthentication.Header)
                    || http.Request.Path.StartsWithSegments("/hubs") || !http.Request.Cookies.ContainsKey(CookieName)
                    ? ApiKeyAuthentication.SchemeName : CookieScheme)
            .AddCookie(CookieScheme, c =>
            {
                c.Cookie.Name = CookieName;
                c.Cookie.HttpOnly = true;
                // Lax: sent when the provider sends the browser back, never on another site's POST or fetch
                c.Cookie.SameSite = SameSiteMode.Lax;
                c.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                c.ExpireTimeSpan = TimeSpan.FromHours(o.SessionHours);
                c.SlidingExpiration = true;
                // the API answers 401/403 to a call, never a redirect
                c.Events.OnRedirectToLogin = e => { e.Response.StatusCode = 401; return Task.CompletedTask; };
                c.Events.OnRedirectToAccessDenied = e => { e.Response.StatusCode = 403; return Task.CompletedTask; };
                c.Events.OnValidatePrincipal = StillEnabledAsync;
            })
            .AddOpenIdConnect(Scheme, oidc =>
            {
                oidc.Authority = o.Authority;
                oidc.ClientId = o.ClientId;
                oidc.ClientSecret = o.ClientSecret;
                oidc.CallbackPath = o.CallbackPath;
                oidc.ResponseType = "code";
                oidc.UsePkce = true;
                oidc.SaveTokens = false;
                oidc.MapInboundClaims = false;
                // the email must be in the ID token (the "email" scope asks for it): the sign-in is decided there
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.Scope.Add("email");
                oidc.SignInScheme = CookieScheme;
                oidc.Events.OnTokenValidated = e => ToDialerUserAsync(e, o.EmailClaim);
                oidc.Events.OnRemoteFailure = async e =>
                {
                    e.HandleResponse();
                    e.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await e.Response.WriteAsync("Single sign-on refused: " + e.Failure?.Message);
                };
            });
        return builder;
    }

    /// <summary>Before the static files: a page opened without a sign-in goes to the identity provider.</summary>
    public static IApplicationBuilder UseOidcPages(this IApplicationBuilder app)
    {
        if (!app.ApplicationServices.GetRequiredService<IOptions<OidcOptions>>().Value.Enabled) return app;
        return app.Use(async (http, next) =>
        {
            if (HttpMethods.IsGet(http.Request.Method) && Pages.Any(p => http.Request.Path.StartsWithSegments(p)))
            {
                if (!(await http.AuthenticateAsync(CookieScheme)).Succeeded)
                {
                    await http.ChallengeAsync(Scheme, new AuthenticationProperties { RedirectUri = http.Request.Path });
                    return;
                }
                // tells the page's script (which cannot read the sign-in cookie) to use it rather than ask for a key
                http.Response.Cookies.Append(SignedInMark, "1", new CookieOptions
                { SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, HttpOnly = false });
            }
            await next(http);
        });
    }

    /// <summary>
    /// The provider's principal becomes the Dialer user's (their id, role, team), or the sign-in fails.
    /// </summary>
    static async Task ToDialerUserAsync(TokenValidatedContext e, string emailClaim)
    {
        if (e.Principal is null) return;
        if (OidcUsers.EmailOf(e.Principal, emailClaim, out var refusal) is not { } email)
        {
            e.Fail(refusal);
            return;
        }
        var services = e.HttpContext.RequestServices;
        var user = await services.GetRequiredService<DialerDb>().Users.AsNoTracking()
            .SingleOrDefaultAsync(u => u.Email == email, e.HttpContext.RequestAborted);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var principal = OidcUsers.SignIn(user, now, CookieScheme, out refusal);
        if (principal is null) e.Fail(refusal);
        else e.Principal = principal;
    }

    /// <summary>A user disabled since they signed in is signed out at their next call.</summary>
    static async Task StillEnabledAsync(CookieValidatePrincipalContext e)
    {
        var id = e.Principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var db = e.HttpContext.RequestServices.GetRequiredService<DialerDb>();
        var enabled = Guid.TryParse(id, out var userId) && await db.Users.AsNoTracking()
            .AnyAsync(u => u.Id == userId && u.DisabledAt == null, e.HttpContext.RequestAborted);
        if (!enabled) e.RejectPrincipal();
    }
}
