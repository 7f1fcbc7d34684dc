using System.Xml.Linq;
using Dialer.TwilioSimulator.Calls;
using Dialer.TwilioSimulator.Hosting;
using Microsoft.Extensions.Options;

namespace Dialer.TwilioSimulator.TwiML;

/// <summary>
/// A Play: the audio is fetched as Twilio fetches it (a plain GET, no credential but the URL), noted in the call's
/// trail with its type and size, and heard for a fixed <see cref="SimulatorOptions.PlayMilliseconds"/> per loop. A
/// fetch that fails (a refused signature, a 404, something not audio) is the call's error and the verb is skipped, as
/// Twilio skips a Play it cannot fetch and goes on. <c>&lt;Play digits&gt;</c> sends tones and fetches nothing.
/// </summary>
public sealed class PlayVerb(IOptions<SimulatorOptions> options, ILogger<PlayVerb> logger)
{
    readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        Timeout = TimeSpan.FromMilliseconds(options.Value.WebhookTimeoutMilliseconds),
    };

    /// <returns>true when there is something to hear</returns>
    public async Task<bool> FetchAsync(SimCall call, XElement play, TwimlDocument document, CancellationToken ct)
    {
        if (play.Text("digits") is { Length: > 0 } digits)
        {
            call.Note("Play digits " + digits);
            return true;
        }
        var url = document.Resolve(play.Value.Trim());
        var shown = url.Split('?', 2)[0]; // the trail keeps no signature
        call.Note("Play " + shown);
        string problem;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("User-Agent", "TwilioProxy/1.1");
            using var response = await _http.SendAsync(request, ct);
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            var bytes = (await response.Content.ReadAsByteArrayAsync(ct)).Length;
            if (response.IsSuccessStatusCode && type.StartsWith("audio/", StringComparison.OrdinalIgnoreCase))
            {
                call.Note($"Play fetched {(int)response.StatusCode} {type} ({bytes} bytes)");
                return true;
            }
            problem = response.IsSuccessStatusCode ? $"{type} is not audio" : $"answered {(int)response.StatusCode}";
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or TaskCanceledException)
        {
            problem = "failed: " + e.Message;
        }
        lock (call.Gate) call.LastError = $"Play {shown} {problem}";
        call.Note($"Play {shown} {problem}: skipped");
        logger.LogWarning("Call {CallSid}: Play {Url} {Problem}", call.Sid, shown, problem);
        return false;
    }
}
