using Dialer.TwilioSimulator.Hosting;
using Microsoft.Extensions.Options;

namespace Dialer.TwilioSimulator.Callbacks;

/// <summary>Requests the engine's webhooks the way Twilio does: form-encoded, signed, with Twilio's headers.</summary>
public sealed class WebhookClient(HttpClient http, IOptions<SimulatorOptions> options, ILogger<WebhookClient> logger)
{
    readonly SimulatorOptions _options = options.Value;

    /// <param name="idempotencyToken">The same for every delivery of one event, as Twilio's retries carry it.</param>
    public async Task<WebhookResponse> SendAsync(
        string url, string method, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken ct,
        string? idempotencyToken = null)
    {
        var isGet = string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase);
        var target = isGet ? AppendQuery(url, parameters) : url;
        using var request = new HttpRequestMessage(isGet ? HttpMethod.Get : HttpMethod.Post, target);
        if (!isGet) request.Content = new FormUrlEncodedContent(parameters);
        request.Headers.TryAddWithoutValidation(WebhookSigner.Header,
            WebhookSigner.Sign(_options.AuthToken, target, isGet ? null : parameters));
        request.Headers.TryAddWithoutValidation("I-Twilio-Idempotency-Token", idempotencyToken
            ?? Guid.NewGuid().ToString());
        request.Headers.TryAddWithoutValidation("User-Agent", "TwilioProxy/1.1");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.WebhookTimeoutMilliseconds);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return new WebhookResponse((int)response.StatusCode, body, null);
        }
        catch (Exception e) when (!ct.IsCancellationRequested
            && e is HttpRequestException or OperationCanceledException)
        {
            logger.LogWarning("Webhook {Method} {Url} failed: {Error}", method, url, e.Message);
            return new WebhookResponse(0, "", e.Message);
        }
    }

    static string AppendQuery(string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var query = string.Join('&', parameters.Select(
            p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        if (query.Length == 0) return url;
        return url + (url.Contains('?') ? "&" : "?") + query;
    }
}

/// <summary>Status 0 means the request never got an HTTP answer (refused, timed out).</summary>
public sealed record WebhookResponse(int Status, string Body, string? Error)
{
    public bool Succeeded => Status is >= 200 and < 300;
}
