using System.Diagnostics;
using Dialer.Core.Auth;
using Dialer.Tests.Agents;
using Dialer.Tests.Infrastructure;
using Dialer.TwilioSimulator.Hosting;
using Microsoft.Extensions.Logging;

namespace Dialer.Tests.Privacy;

/// <summary>
/// The Worker and the Api on one database, every log line of both kept (the Api's request logging and HttpClient's
/// at Information, the engine's own at Debug), and every span and metric tag of the process but the simulator's.
/// </summary>
public sealed class LogScanWorld : AgentsWorld
{
    public LogCapture WorkerLines { get; } = new("worker");
    public LogCapture ApiLines { get; } = new("api");
    public TelemetryCapture Telemetry { get; private set; } = null!;
    public KestrelApi Api { get; private set; } = null!;
    public HttpClient Marketer { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;

    static readonly Dictionary<string, string?> Verbose = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
        ["Logging:LogLevel:System.Net.Http"] = "Information",
        ["Logging:LogLevel:Dialer"] = "Debug",
    };

    protected override SimulatorOptions SimulatorSettings()
    {
        var options = Patient(FastSimulator(
            new OutcomeMix { Human = 4, Machine = 2, Busy = 1, NoAnswer = 1, Failed = 1 }));
        options.TalkTime = new(1500, 2500);
        options.Amd.UnknownFraction = 0.2;
        return options;
    }

    protected override IDictionary<string, string?> WorkerSettings() =>
        new Dictionary<string, string?>(base.WorkerSettings().Concat(Verbose))
        {
            ["Twilio:AccountErrorHoldSeconds"] = "1",
        };

    protected override ILoggerProvider? WorkerLogs() => WorkerLines;

    public override async Task InitializeAsync()
    {
        var apiSettings = new Dictionary<string, string?>(Verbose);
        Api = new KestrelApi(Database.ConnectionString, apiSettings) { Logs = ApiLines };
        apiSettings["Twilio:FallbackWebhookBaseUrl"] = Api.Url;
        await base.InitializeAsync();
        // the simulator is Twilio: what it records of a number is not ours to keep out of its logs
        var simulatorPort = Simulator.BaseAddress.Port.ToString();
        Telemetry = new TelemetryCapture(a => !IsSimulators(a, simulatorPort));
        Api.StartServer();
        Marketer = Api.ClientWith((await Api.AddUserAsync(Role.Marketer, "scan marketer")).Key);
        Admin = Api.ClientWith((await Api.AddUserAsync(Role.Admin, "scan admin")).Key);
    }

    static bool IsSimulators(Activity span, string simulatorPort) =>
        span.Kind == ActivityKind.Server && span.GetTagItem("server.port")?.ToString() == simulatorPort;

    public override async Task DisposeAsync()
    {
        Telemetry.Dispose();
        Marketer.Dispose();
        Admin.Dispose();
        await Api.DisposeAsync();
        await base.DisposeAsync();
    }
}
