using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Dialer.Api.Auth;

/// <summary>The "ForwardedHeaders" section: the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are
/// believed.</summary>
public sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";
    /// <summary>Addresses of the proxies in front of the Api. Empty: no forwarded header is believed, from anyone
    /// (ASP.NET Core's own default believes loopback, and with its lists emptied it believes everyone).</summary>
    public string[] KnownProxies { get; set; } = [];
}

/// <summary>
/// Who the client is, for the rate limit and the logs: the connection's address, or what a configured proxy says the
/// client's was. A header from any other sender is ignored, or anyone could pick their own bucket.
/// </summary>
public static class ClientAddresses
{
    public static IHostApplicationBuilder AddClientAddresses(this IHostApplicationBuilder builder)
    {
        var proxies = builder.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var proxy in proxies.KnownProxies)
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                    : throw new InvalidOperationException(
                        $"{ProxyOptions.Section}:KnownProxies: '{proxy}' is no IP address."));
        });
        return builder;
    }

    /// <summary>Reads the forwarded headers only when a proxy is configured: the middleware with no known proxy at all
    /// would believe any sender.</summary>
    public static IApplicationBuilder UseClientAddresses(this IApplicationBuilder app)
    {
        var config = app.ApplicationServices.GetRequiredService<IConfiguration>();
        var proxies = config.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new();
        return proxies.KnownProxies.Length > 0 ? app.UseForwardedHeaders() : app;
    }
}
