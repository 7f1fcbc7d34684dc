using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dialer.Api.Auth;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimit";
    /// <summary>Per signed-in user.</summary>
    [Range(1, 100_000)] public int PermitsPerSecond { get; set; } = 100;
    [Range(1, 100_000)] public int Burst { get; set; } = 200;
    /// <summary>Per client address, before any key is looked at: every user behind one address shares it.</summary>
    [Range(1, 100_000)] public int AddressPermitsPerSecond { get; set; } = 200;
    [Range(1, 100_000)] public int AddressBurst { get; set; } = 400;
}

/// <summary>
/// Two token buckets, 429 with Retry-After beyond either. The first, per client address, runs before authentication,
/// so a flood of made-up keys is refused before any of them costs a database lookup; the second, per user id, runs
/// after it. The address is the connection's, or the one a known proxy forwarded (ClientAddresses).
/// </summary>
public static class RateLimiting
{
    public static IHostApplicationBuilder AddApiRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { }); // the middleware's services; each stage brings its own limiter
        return builder;
    }

    public static IApplicationBuilder UseAddressRateLimit(this IApplicationBuilder app)
    {
        var o = app.ApplicationServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        return app.UseRateLimiter(Limiter(http => "address:" + http.Connection.RemoteIpAddress,
            o.AddressPermitsPerSecond, o.AddressBurst));
    }

    public static IApplicationBuilder UseUserRateLimit(this IApplicationBuilder app)
    {
        var o = app.ApplicationServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        return app.UseRateLimiter(Limiter(http => http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? "user:" + id : null, o.PermitsPerSecond, o.Burst));
    }

    /// <param name="partition">The bucket a request counts against; null: none at this stage.</param>
    static RateLimiterOptions Limiter(Func<HttpContext, string?> partition, int permitsPerSecond, int burst) => new()
    {
        RejectionStatusCode = StatusCodes.Status429TooManyRequests,
        OnRejected = (context, _) =>
        {
            context.HttpContext.Response.Headers.RetryAfter = "1";
            return ValueTask.CompletedTask;
        },
        GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => partition(http) is { } key
            ? RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = permitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter("")),
    };
}
