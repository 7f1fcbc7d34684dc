using Dialer.Core.Data;
using Dialer.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dialer.ServiceDefaults.Twilio;

/// <summary>
/// Where Twilio fetches a campaign's recorded message for <c>&lt;Play&gt;</c>: the Worker (its answers) and the Api
/// (its answer fallback, with every Worker down) both serve it. A bad or expired signature is 403, an audio since
/// deleted or replaced 404. Under the webhooks' prefix, but outside their group: Twilio signs no media fetch.
/// </summary>
public static class MessageAudioMedia
{
    public static IEndpointRouteBuilder MapMessageAudioMedia(this IEndpointRouteBuilder app)
    {
        app.MapMethods(AudioUrlSigner.Route, ["GET", "HEAD"], ServeAsync)
            .AllowAnonymousBecause("Twilio's <Play> fetch carries no credential: the URL's signature and expiry are it")
            .ExcludeFromDescription();
        return app;
    }

    static async Task<IResult> ServeAsync(Guid audioId, HttpContext http, AudioUrlSigner signer, DialerDb db,
        ILogger<AudioUrlSigner> log, CancellationToken ct)
    {
        var query = http.Request.Query;
        if (!signer.Verify(audioId, query["exp"], query["sig"]))
        {
            log.LogWarning("Audio {AudioId} refused: bad or expired signature", audioId);
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Invalid or expired signature.");
        }
        var audio = await db.MessageAudio.AsNoTracking().Where(a => a.Id == audioId)
            .Select(a => new { a.ContentType, a.Content }).FirstOrDefaultAsync(ct);
        if (audio is null) return Results.NotFound();
        http.Response.Headers.CacheControl = "private, max-age=3600";
        return Results.Bytes(audio.Content, audio.ContentType);
    }
}
