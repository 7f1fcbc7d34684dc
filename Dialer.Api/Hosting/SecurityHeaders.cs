namespace Dialer.Api.Hosting;

/// <summary>
/// The headers every answer of the Api carries (pages, API, errors alike): the pages run only their own scripts,
/// no page may be framed, no type is guessed, no address leaks in a Referer, and HTTPS is remembered once used.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts and everything else from the Api itself; the browser phone's Twilio connections (its WebSocket, its
    /// sounds, its call-quality reports); inline style attributes (the progress bars and the printable reports' own
    /// styles: CSS cannot run code).
    /// </summary>
    public const string Policy =
        "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
        "frame-ancestors 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "media-src 'self' blob: https://*.twilio.com; connect-src 'self' wss://*.twilio.com https://*.twilio.com";

    /// <summary>
    /// The agent console may embed a campaign's CRM page (its screen pop, always https: the template is checked on
    /// save and the merged URL again in the console); no other page frames anything.
    /// </summary>
    public const string AgentConsolePolicy = Policy + "; frame-src https:";

    /// <summary>The API reference is Scalar's page, whose own inline script starts it: it is only kept from being
    /// framed.</summary>
    const string ReferencePolicy = "frame-ancestors 'none'; object-src 'none'; base-uri 'none'";

    const string OneYear = "max-age=31536000; includeSubDomains";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // set as the answer starts, so that an error page (the exception handler clears headers) carries them too
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var path = context.Request.Path;
            headers.ContentSecurityPolicy = path.StartsWithSegments("/scalar") ? ReferencePolicy
                : path.StartsWithSegments("/agent") ? AgentConsolePolicy : Policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (context.Request.IsHttps) headers.StrictTransportSecurity = OneYear;
            return Task.CompletedTask;
        });
        return next(context);
    });
}
