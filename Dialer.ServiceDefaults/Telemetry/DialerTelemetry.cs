using Dialer.Core.Scheduling;
using Dialer.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Dialer.ServiceDefaults.Telemetry;

/// <summary>
/// Traces and metrics for Api and Worker alike: ASP.NET Core, HttpClient (Twilio), MassTransit, Npgsql and
/// the engine's own "Dialer" meter; Prometheus scrapes /metrics, and OTLP export starts only when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set, so a machine without a collector sends nothing anywhere.
/// </summary>
public static class DialerTelemetry
{
    public const string MetricsPath = "/metrics";

    public static IHostApplicationBuilder AddDialerTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Services.AddSingleton<DialerMetrics>();
        builder.Services.AddSingleton<IPacingMeter>(sp => sp.GetRequiredService<DialerMetrics>());
        // every log line carries the trace it belongs to, so a log and its trace find each other
        builder.Logging.Configure(o =>
            o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Logging.AddOpenTelemetry(o => { o.IncludeScopes = true; o.IncludeFormattedMessage = true; });
        builder.AddDialerRequestLogging();
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o =>
                    o.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath))
                .AddHttpClientInstrumentation()
                .AddSource("MassTransit", "Npgsql"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(DialerMetrics.MeterName, "MassTransit")
                // our durations are in seconds: the SDK's default buckets (0 to 10,000, made for milliseconds) put
                // every one of them in the first bucket, and no percentile could be read from them
                .AddView(i => i.Meter.Name == DialerMetrics.MeterName && i.Unit == "s"
                    ? new ExplicitBucketHistogramConfiguration { Boundaries = SecondsBuckets } : null)
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.UseOtlpExporter();
        return builder;
    }

    static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    /// <summary>The Prometheus scrape endpoint; left open like the health checks, for the scraper has no API key, and
    /// so on the management port only.</summary>
    public static IEndpointConventionBuilder MapDialerMetrics(this IEndpointRouteBuilder app) =>
        app.MapPrometheusScrapingEndpoint(MetricsPath).WithMetadata(Health.ManagementEndpoint.Instance)
            .AllowAnonymousBecause("the Prometheus scraper carries no key; figures by campaign id, no personal data");
}
