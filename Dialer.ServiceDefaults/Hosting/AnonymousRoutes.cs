using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Dialer.ServiceDefaults.Hosting;

/// <summary>Endpoint metadata: why a route is open to callers without a key (a test wants one on each).</summary>
public sealed record AnonymousBecause(string Reason);

public static class AnonymousRoutes
{
    public static TBuilder AllowAnonymousBecause<TBuilder>(this TBuilder builder, string reason)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AllowAnonymous().WithMetadata(new AnonymousBecause(reason));
}
