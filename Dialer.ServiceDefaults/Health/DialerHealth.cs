using Dialer.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dialer.ServiceDefaults.Health;

/// <summary>
/// Liveness (the process answers) and readiness (what it depends on answers: PostgreSQL here, RabbitMQ from
/// MassTransit's own check, which carries the same tag), open like /metrics for the orchestrator has no API key, and
/// so served on the management port only (ManagementPort).
/// </summary>
public static class DialerHealth
{
    public const string ReadyTag = "ready";
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    public static IHealthChecksBuilder AddPostgreSqlCheck(this IServiceCollection services, string connectionString) =>
        services.AddHealthChecks().AddNpgSql(connectionString, name: "postgresql", tags: [ReadyTag]);

    public static IEndpointRouteBuilder MapDialerHealth(this IEndpointRouteBuilder app)
    {
        const string why = "probes from the orchestrator carry no key; the answer holds no data";
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false })
            .WithMetadata(ManagementEndpoint.Instance).AllowAnonymousBecause(why);
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) })
            .WithMetadata(ManagementEndpoint.Instance).AllowAnonymousBecause(why);
        return app;
    }
}
