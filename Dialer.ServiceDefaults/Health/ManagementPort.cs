using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dialer.ServiceDefaults.Health;

/// <summary>The "Management" section: where health checks and the metrics scrape are served.</summary>
public sealed class ManagementOptions
{
    public const string Section = "Management";
    /// <summary>A port of its own, never the one Twilio's webhooks or the pages are reached on.</summary>
    [Range(1, 65535)] public int Port { get; set; }
    /// <summary>The address it listens on: loopback by default; the scraper's network where it runs
    /// elsewhere.</summary>
    [Required] public string Host { get; set; } = "127.0.0.1";
}

/// <summary>Marks an endpoint served on the management port only.</summary>
public sealed class ManagementEndpoint
{
    public static readonly ManagementEndpoint Instance = new();
}

/// <summary>
/// Health and /metrics on a second listening address (Management:Host and Port), added to the process's Urls: a
/// management endpoint answers 404 on every other port, and the management port answers nothing else. (Kestrel
/// endpoints configured in code or under Kestrel:Endpoints replace Urls: add the management address there.)
/// </summary>
public static class ManagementPort
{
    public static WebApplicationBuilder AddManagementPort(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ManagementOptions>().BindConfiguration(ManagementOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        var management = builder.Configuration.GetSection(ManagementOptions.Section).Get<ManagementOptions>();
        if (management is { Port: > 0 })
        {
            var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
            string[] publicUrls =
                string.IsNullOrWhiteSpace(urls) ? [] : urls.Split(';', StringSplitOptions.RemoveEmptyEntries);
            builder.WebHost.UseUrls([.. publicUrls, $"http://{management.Host}:{management.Port}"]);
        }
        return builder;
    }

    /// <summary>First in the pipeline (routing has already picked the endpoint).</summary>
    public static IApplicationBuilder UseManagementPort(this IApplicationBuilder app)
    {
        var port = app.ApplicationServices.GetRequiredService<IOptions<ManagementOptions>>().Value.Port;
        return app.Use((context, next) =>
        {
            var isManagement = context.GetEndpoint()?.Metadata.GetMetadata<ManagementEndpoint>() is not null;
            if (isManagement == (context.Connection.LocalPort == port)) return next(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }
}
