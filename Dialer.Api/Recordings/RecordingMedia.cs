using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dialer.ServiceDefaults.Twilio;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dialer.Api.Recordings;

/// <summary>
/// A recording's audio, fetched from Twilio with the account's credentials and streamed on as it comes: the browser
/// talks to the Api only and never sees the credentials or Twilio's URL.
/// </summary>
public sealed class RecordingMedia(IHttpClientFactory http, IOptions<TwilioOptions> options,
    ILogger<RecordingMedia> log)
{
    const string HttpClientName = "twilio-media";
    /// <summary>What a recording's audio is, when Twilio does not say.</summary>
    const string Mp3 = "audio/mpeg";

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<RecordingMedia>();
        // until Twilio starts answering: the audio itself may take as long as it takes to stream
        services.AddHttpClient(HttpClientName, (sp, client) => client.Timeout =
            TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<TwilioOptions>>().Value.RequestTimeoutSeconds));
    }

    /// <summary>
    /// Twilio's media URL of the recording: the MP3, an eighth of the WAV's size, which every browser plays.
    /// </summary>
    public Uri MediaUrl(string recordingSid)
    {
        var o = options.Value;
        return new Uri(
            $"{o.ApiBaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{o.AccountSid}/Recordings/"
            + $"{Uri.EscapeDataString(recordingSid)}.mp3");
    }

    /// <summary>Streams the audio into the response; the problem instead when Twilio gives none.</summary>
    public async Task<ProblemHttpResult?> StreamAsync(string recordingSid, HttpContext context, CancellationToken ct)
    {
        var o = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Get, MediaUrl(recordingSid));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.AccountSid}:{o.AuthToken}")));
        request.Headers.Range = MediaRange.Simple(context.Request.Headers.Range.ToString());
        // headers only: the body is copied on as it arrives, never held whole in memory
        HttpResponseMessage upstream;
        try
        {
            upstream = await http.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning(
                "Twilio did not answer for the audio of recording {RecordingSid}: {Error}", recordingSid, e.Message);
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway,
                title: "Twilio did not give the audio.", detail: "Twilio did not answer; try again in a moment.");
        }
        using var _ = upstream;
        if (upstream.StatusCode == HttpStatusCode.NotFound)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No audio.",
                detail: "Twilio no longer has this recording's audio.");
        if (upstream.StatusCode != HttpStatusCode.RequestedRangeNotSatisfiable && !upstream.IsSuccessStatusCode)
        {
            log.LogWarning("Twilio answered {Status} for the audio of recording {RecordingSid}",
                (int)upstream.StatusCode, recordingSid);
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway,
                title: "Twilio did not give the audio.",
                detail: $"Twilio answered {(int)upstream.StatusCode}; try again in a moment.");
        }

        var response = context.Response;
        var content = upstream.Content.Headers;
        response.StatusCode = (int)upstream.StatusCode;
        response.ContentType = content.ContentType?.ToString() ?? Mp3;
        response.ContentLength = content.ContentLength;
        if (content.ContentRange is { } range) response.Headers.ContentRange = range.ToString();
        if (upstream.Headers.AcceptRanges.Count > 0)
            response.Headers.AcceptRanges = upstream.Headers.AcceptRanges.ToString();
        response.Headers.CacheControl = "private, no-store"; // a customer's voice: never kept by a shared cache
        await using var body = await upstream.Content.ReadAsStreamAsync(ct);
        await body.CopyToAsync(response.Body, ct);
        return null;
    }
}
