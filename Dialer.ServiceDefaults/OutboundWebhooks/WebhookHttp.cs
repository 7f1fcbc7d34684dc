using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Dialer.Core.OutboundWebhooks;
using Microsoft.Extensions.Options;

namespace Dialer.ServiceDefaults.OutboundWebhooks;

/// <summary>
/// POSTs one signed delivery. Connections go only to addresses <see cref="WebhookAddresses"/> allows, checked on
/// the address actually connected to (a name registered as public may resolve to a private address later); no
/// redirects are followed, for the same reason.
/// </summary>
public sealed class WebhookHttp : IDisposable
{
    public const string EventHeader = "Dialer-Event", DeliveryHeader = "Dialer-Delivery";

    public sealed record Outcome(int? StatusCode, string? Error, TimeSpan Took);

    readonly HttpClient _client;

    public WebhookHttp(IOptions<WebhookOptions> options)
    {
        var o = options.Value;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(Math.Min(5, o.TimeoutSeconds)),
            ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, o.AllowPrivateAddresses, ct),
        };
        _client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(o.TimeoutSeconds) };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("Dialer-Webhooks/1.0");
    }

    static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowPrivate, CancellationToken ct)
    {
        var addresses = await Dns.GetHostAddressesAsync(endpoint.Host, ct);
        if (!allowPrivate) addresses = [.. addresses.Where(a => !WebhookAddresses.IsPrivate(a))];
        if (addresses.Length == 0)
            throw new HttpRequestException("The receiver's address is private, loopback or unknown: not allowed.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task<Outcome> PostAsync(WebhookSubscription subscription, WebhookDelivery delivery,
        DateTimeOffset now, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
            {
                Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
            };
            var signature = WebhookSignature.Sign(subscription.Secret, delivery.Body, now);
            request.Headers.Add(WebhookSignature.Header, signature);
            request.Headers.Add(EventHeader, delivery.Event);
            request.Headers.Add(DeliveryHeader, delivery.Id.ToString());
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var code = (int)response.StatusCode;
            return new Outcome(code, response.IsSuccessStatusCode ? null : $"HTTP {code}", watch.Elapsed);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            var why = e is TaskCanceledException ? "timed out" : e.InnerException?.Message ?? e.Message;
            return new Outcome(null, why, watch.Elapsed);
        }
    }

    public void Dispose() => _client.Dispose();
}
