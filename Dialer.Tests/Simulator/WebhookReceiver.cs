using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dialer.Tests.Simulator;

/// <summary>A stand-in for the engine's webhook endpoints: records every request and answers with set TwiML.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly ConcurrentQueue<ReceivedWebhook> _received = new();

    WebhookReceiver(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>TwiML to answer with, by path; other paths get an empty &lt;Response/&gt;.</summary>
    public ConcurrentDictionary<string, string> Twiml { get; } = new();

    /// <summary>HTTP status to answer with, by path (default 200): to make an answer URL fail.</summary>
    public ConcurrentDictionary<string, int> Status { get; } = new();

    /// <summary>How long to wait before answering, by path: to make an answer URL time out.</summary>
    public ConcurrentDictionary<string, TimeSpan> Delay { get; } = new();

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToList();

    public string Url(string pathAndQuery) => new Uri(BaseAddress, pathAndQuery).ToString();

    public static async Task<WebhookReceiver> StartAsync(CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Map("/{**path}", (Delegate)receiver.HandleAsync);
        await app.StartAsync(ct);
        var address =
            app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    async Task<IResult> HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var form = request.HasFormContentType
            ? (await request.ReadFormAsync(http.RequestAborted)).ToDictionary(f => f.Key, f => f.Value.ToString())
            : new Dictionary<string, string>();
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
        _received.Enqueue(new ReceivedWebhook(request.Method, request.Path, url, form,
            request.Headers["X-Twilio-Signature"].ToString(), request.Headers["I-Twilio-Idempotency-Token"].ToString(),
            DateTimeOffset.UtcNow));
        if (Delay.TryGetValue(request.Path, out var delay))
        {
            try
            {
                await Task.Delay(delay, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty;
            }
        }
        var twiml = Twiml.TryGetValue(request.Path, out var set) ? set : "<Response/>";
        return Results.Text(twiml, "application/xml", statusCode: Status.GetValueOrDefault(request.Path, 200));
    }

    /// <summary>Waits until the requests received so far satisfy <paramref name="done"/>.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(
        Func<IReadOnlyList<ReceivedWebhook>, bool> done, TimeSpan? timeout = null, CancellationToken ct = default)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var received = Received;
            if (done(received)) return received;
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException("Webhooks so far: "
                    + string.Join(", ", received.Select(r => r.Path + " " + r.Get("CallStatus"))));
            await Task.Delay(10, ct);
        }
    }

    public IReadOnlyList<ReceivedWebhook> On(string path) => Received.Where(r => r.Path == path).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record ReceivedWebhook(
    string Method, string Path, string Url, IReadOnlyDictionary<string, string> Form, string Signature,
    string IdempotencyToken,
    DateTimeOffset At)
{
    public string? Get(string name) => Form.GetValueOrDefault(name);
}
