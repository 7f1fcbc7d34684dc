using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Dialer.Core.OutboundWebhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dialer.Tests.Infrastructure;

/// <summary>
/// A CRM's end of the webhooks, on Kestrel: it checks each POST's signature with the secret it was given, keeps what
/// came in arrival order, and can go down and come back on the same port.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(long DeliveryId, string Event, JsonObject Body, bool SignatureValid);

    public int Port { get; } = WorkerFactory.FreePort();
    public string Url => $"http://127.0.0.1:{Port}/hooks";
    public string Secret { get; set; } = "receiver-secret-" + Guid.NewGuid().ToString("N");
    /// <summary>Answered to every POST while set (a receiver that is up but failing).</summary>
    public int? FailWith { get; set; }
    readonly ConcurrentQueue<Received> _received = new();
    WebApplication? _app;

    public IReadOnlyList<Received> All => [.. _received];

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        var app = builder.Build();
        app.MapPost("/hooks", async (HttpRequest request) =>
        {
            if (FailWith is { } code) return Results.StatusCode(code);
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            var valid = WebhookSignature.Verify(Secret, body, request.Headers[WebhookSignature.Header],
                DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
            _received.Enqueue(new Received(long.Parse(request.Headers["Dialer-Delivery"]!),
                request.Headers["Dialer-Event"]!, JsonNode.Parse(body)!.AsObject(), valid));
            return Results.NoContent();
        });
        await app.StartAsync();
        _app = app;
    }

    /// <summary>Down: connections are refused until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public async Task<IReadOnlyList<Received>> WaitForAsync(Func<IReadOnlyList<Received>, bool> done,
        TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!done(All))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The receiver has {All.Count} deliveries: "
                    + string.Join(", ", All.Select(r => $"{r.DeliveryId}:{r.Event}")));
            await Task.Delay(100);
        }
        return All;
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
