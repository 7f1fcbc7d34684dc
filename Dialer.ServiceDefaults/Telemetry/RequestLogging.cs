using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dialer.ServiceDefaults.Telemetry;

/// <summary>
/// The access log, without query strings: a query may carry a number (the do-not-call search), and ASP.NET Core's own
/// "Request starting/finished" lines print it whole, so they are kept below Warning whatever the settings say, and
/// this log (method, path, status, time) stands in for them. Like them it is off until
/// Logging:LogLevel:Microsoft.AspNetCore is Information. Paths never carry a number (docs/security.md).
/// </summary>
public static class RequestLogging
{
    const string HostingCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static IHostApplicationBuilder AddDialerRequestLogging(this IHostApplicationBuilder builder)
    {
        // after every Configure, so that no setting, however specific, lifts it
        builder.Services.PostConfigure<LoggerFilterOptions>(o =>
            o.Rules.Add(new LoggerFilterRule(null, HostingCategory, LogLevel.Warning, null)));
        builder.Services.AddHttpLogging(o =>
        {
            o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });
        return builder;
    }

    public static IApplicationBuilder UseDialerRequestLogging(this IApplicationBuilder app) => app.UseHttpLogging();
}
