using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using Dialer.Core.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dialer.Api.Auth;

public sealed class HubTicketOptions
{
    public const string Section = "HubTickets";
    [Range(1, 300)] public int LifetimeSeconds { get; set; } = 60;
}

public sealed record HubTicketResponse(string Ticket, int ExpiresInSeconds);

/// <summary>
/// A browser cannot put a header on a WebSocket, so SignalR sends its credential in the URL, where proxies and access
/// logs keep it. The pages send a ticket there instead of their API key: opaque, short-lived, good for one connection
/// request, bound to the user who asked for it. Tickets live in the Api that issued them (a page's SignalR
/// connection needs a sticky route to one Api anyway).
/// </summary>
public sealed class HubTickets(TimeProvider clock, IOptions<HubTicketOptions> options)
{
    public const string Route = "/api/hub-tickets";
    readonly ConcurrentDictionary<string, (ClaimsPrincipal User, DateTimeOffset ExpiresAt)> _open = new();

    public string Issue(ClaimsPrincipal user)
    {
        var now = clock.GetUtcNow();
        foreach (var (hash, open) in _open)
            if (open.ExpiresAt <= now) _open.TryRemove(hash, out _);
        var ticket = "ht_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _open[User.HashKey(ticket)] = (user, now.AddSeconds(options.Value.LifetimeSeconds));
        return ticket;
    }

    /// <summary>The ticket's user, once: a used, unknown or expired ticket gives null.</summary>
    public ClaimsPrincipal? Redeem(string ticket) =>
        _open.TryRemove(User.HashKey(ticket), out var open) && open.ExpiresAt > clock.GetUtcNow() ? open.User : null;

    public static void Register(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HubTicketOptions>().BindConfiguration(HubTicketOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<HubTickets>();
    }

    /// <summary>Any signed-in user may ask; the hub's own policy still decides whether they may connect.</summary>
    public static void MapHubTicketsApi(IEndpointRouteBuilder app) =>
        app.MapPost(Route, Create).WithTags("Live updates").RequireAuthorization();

    static Ok<HubTicketResponse> Create(ClaimsPrincipal user, HubTickets tickets, IOptions<HubTicketOptions> options) =>
        TypedResults.Ok(new HubTicketResponse(tickets.Issue(user), options.Value.LifetimeSeconds));
}
