using System.Text;
using System.Text.Json;
using Dialer.TwilioSimulator.Agents;
using Dialer.TwilioSimulator.Client;
using Dialer.TwilioSimulator.Faults;
using Dialer.TwilioSimulator.Recordings;
using Dialer.TwilioSimulator.Records;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Dialer.TwilioSimulator.Hosting;

/// <summary>
/// A simulator running inside the caller's process (tests, benchmarks): on a free 127.0.0.1 port by default.
/// Dispose to stop it.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    readonly WebApplication _app;

    SimulatorHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Where it listens, e.g. http://127.0.0.1:41234/ (what the Twilio base-address handler needs).</summary>
    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;
    public SimulatorOptions Options => Services.GetRequiredService<IOptions<SimulatorOptions>>().Value;
    public CallRecordStore Calls => Services.GetRequiredService<CallRecordStore>();
    public CreateRate CreateRate => Services.GetRequiredService<CreateRate>();
    public FaultState Faults => Services.GetRequiredService<FaultState>();
    public SimulatedAgents Agents => Services.GetRequiredService<SimulatedAgents>();
    public ConferenceRegistry Conferences => Services.GetRequiredService<ConferenceRegistry>();
    public CallRecordings Recordings => Services.GetRequiredService<CallRecordings>();
    public Numbers.IncomingNumbers Numbers => Services.GetRequiredService<Numbers.IncomingNumbers>();

    /// <param name="options">The "Simulator" settings; null for the defaults.</param>
    /// <param name="urls">Kestrel URLs; port 0 picks a free port.</param>
    /// <param name="timeProvider">The clock for every simulated wait; null for the system clock.</param>
    /// <param name="logging">Where logs go; by default nowhere.</param>
    public static async Task<SimulatorHost> StartAsync(
        SimulatorOptions? options = null, string urls = "http://127.0.0.1:0", TimeProvider? timeProvider = null,
        Action<ILoggingBuilder>? logging = null, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.Sources.Clear(); // the host's own files and environment must not leak into a test
        var json = JsonSerializer.Serialize(
            new Dictionary<string, SimulatorOptions> { [SimulatorOptions.Section] = options ?? new() });
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        if (timeProvider is not null) builder.Services.AddSingleton(timeProvider);

        var app = SimulatorApp.Build(builder);
        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SimulatorHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>An HttpClient for the Twilio SDK's SystemNetHttpClient that reaches this simulator.</summary>
    public HttpClient CreateTwilioHttpClient(TimeSpan? timeout = null) =>
        TwilioBaseAddressHandler.CreateHttpClient(BaseAddress, timeout);

    /// <summary>Waits until the call has reached its final status and returns its record.</summary>
    public async Task<SimCallRecord> WaitForEndAsync(string callSid, TimeSpan timeout, CancellationToken ct = default)
    {
        var call = Calls.Find(callSid) ?? throw new InvalidOperationException($"The simulator has no call {callSid}");
        await call.Control.Ended.Task.WaitAsync(timeout, ct);
        return SimCallRecord.Of(call);
    }

    public async ValueTask DisposeAsync()
    {
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
            await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }
}
