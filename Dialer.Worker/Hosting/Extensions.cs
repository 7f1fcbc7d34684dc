using Dialer.Core.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Dialer.Worker.Hosting;

public static class Extensions
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddSharedDefaults();
        builder.AddDialerDb();
        builder.AddDialerBus();
        builder.Services.AddProblemDetails();
    }

    public static void MapApplicationEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
    }
}
