using System.Text.Json;
using System.Text.RegularExpressions;
using Dialer.ServiceDefaults.Telemetry;

namespace Dialer.Worker.Dialing;

/// <summary>
/// Times every Twilio SDK request and counts its errors by Twilio's own code (21211, 20429...), read from the
/// error body, so operators see which failures they are having and not only that there are some.
/// </summary>
public sealed partial class TwilioMetricsHandler(DialerMetrics metrics, TimeProvider clock) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var resource = ResourceOf(request.RequestUri);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            metrics.TwilioRequest(resource, request.Method.Method, 0, clock.GetElapsedTime(started));
            metrics.TwilioError(e is TaskCanceledException ? "timeout" : "connection");
            throw;
        }
        metrics.TwilioRequest(resource, request.Method.Method, (int)response.StatusCode, clock.GetElapsedTime(started));
        if ((int)response.StatusCode >= 400) metrics.TwilioError(await ErrorCodeAsync(response, cancellationToken));
        return response;
    }

    /// <summary>
    /// The resource's name without ids: "Calls", "Calls/{sid}" and "Conferences/{sid}/Participants" stay few series.
    /// </summary>
    public static string ResourceOf(Uri? uri)
    {
        if (uri is null) return "unknown";
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        var account = Array.IndexOf(segments, "Accounts");
        var rest = string.Join('/', segments.Skip(account >= 0 ? account + 2 : 0));
        rest = Sid().Replace(rest, "{sid}");
        return rest.EndsWith(".json", StringComparison.Ordinal) ? rest[..^5] : rest;
    }

    static async Task<string> ErrorCodeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            await response.Content.LoadIntoBufferAsync(ct); // the SDK reads the body again after us
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            if (body.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number)
                return code.GetRawText();
        }
        catch (JsonException) { }
        return ((int)response.StatusCode).ToString();
    }

    [GeneratedRegex("(?<=^|/)[A-Z]{2}[0-9a-fA-F]{32}")]
    private static partial Regex Sid();
}
