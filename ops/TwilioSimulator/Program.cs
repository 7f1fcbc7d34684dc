using Dialer.TwilioSimulator.Hosting;
using Microsoft.Extensions.Configuration.Memory;

namespace Dialer.TwilioSimulator;

/// <summary>
/// The command line: <c>ops/twilio-sim [--config simulator.json] [--urls http://127.0.0.1:5090] [--Simulator:Seed
/// 7]</c>. Not top-level statements: those would add a public global Program class to every test that references us.
/// </summary>
internal static class Program
{
    const string DefaultUrls = "http://127.0.0.1:5090";

    static readonly Dictionary<string, string?> LoggingDefaults = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:Console:FormatterName"] = "simple",
        ["Logging:Console:FormatterOptions:SingleLine"] = "true",
        ["Logging:Console:FormatterOptions:TimestampFormat"] = "HH:mm:ss.fff ",
    };

    static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // lowest precedence, and no appsettings.json: that file would be copied into every project that references us
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = LoggingDefaults });
        if (builder.Configuration["config"] is { Length: > 0 } file)
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false);
            builder.Configuration.AddEnvironmentVariables(); // flags and environment still win over the file
            builder.Configuration.AddCommandLine(args);
        }
        if (string.IsNullOrEmpty(builder.Configuration["urls"])
            && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
            builder.WebHost.UseUrls(DefaultUrls);
        var app = SimulatorApp.Build(builder);
        await app.RunAsync();
    }
}
