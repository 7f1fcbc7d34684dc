using Dialer.TwilioSimulator.Hosting;

namespace Dialer.TwilioSimulator;

/// <summary>
/// The command line: <c>ops/twilio-sim [--config simulator.json] [--urls http://127.0.0.1:5090] [--Simulator:Seed 7]</c>.
/// Not top-level statements: those would add a public global Program class to every test that references us.
/// </summary>
internal static class Program
{
    const string DefaultUrls = "http://127.0.0.1:5090";

    static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (builder.Configuration["config"] is { Length: > 0 } file)
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false);
            builder.Configuration.AddEnvironmentVariables(); // flags and environment still win over the file
            builder.Configuration.AddCommandLine(args);
        }
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
            builder.WebHost.UseUrls(DefaultUrls);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });

        var app = SimulatorApp.Build(builder);
        await app.RunAsync();
    }
}
