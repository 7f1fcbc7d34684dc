using System.Security.Claims;
using Dialer.Api.Agents;
using Dialer.Api.Auth;
using Dialer.Api.Hosting;
using Dialer.Api.Teams;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Preview;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Dialer.Api.Preview;

/// <summary>
/// Preview dialing from the agent console: take the next contact (held for a while, for this agent only), then dial
/// it or skip it. The contact comes through the pacing job's claimer and permit; the dial takes the pacing job's path.
/// </summary>
public static class PreviewApi
{
    public sealed record DialRequest(long? ContactId);
    public sealed record SkipRequest(long? ContactId, string? Reason);
    public sealed record Dialed(Guid AttemptId, long ContactId);
    public sealed record Skipped(long ContactId, DateTimeOffset OfferedAgainAfter);

    /// <param name="console">the agent console's group</param>
    public static RouteGroupBuilder MapPreviewApi(this RouteGroupBuilder console)
    {
        // contacts come from the campaigns the agent is logged in to, which login and unassignment keep to assigned
        // ones
        var preview = console.MapGroup("/preview").OwnTeamOnly(TeamObject.AssignedCampaign);
        preview.MapGet("/", Held);
        preview.MapPost("/", Claim);
        preview.MapPost("/dial", Dial);
        preview.MapPost("/skip", Skip);
        return console;
    }

    static Guid AgentIdOf(ClaimsPrincipal user) => AgentConsoleApi.AgentIdOf(user);

    /// <summary>The contact this agent holds now, if any (204 when none).</summary>
    static async Task<Results<Ok<PreviewCard>, NoContent>> Held(ClaimsPrincipal user, PreviewDesk desk, DialerDb db,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var hold = await desk.HeldByAsync(AgentIdOf(user), now, ct);
        if (hold is not { Contact: { } contact, Campaign: { } campaign }) return TypedResults.NoContent();
        return TypedResults.Ok(await PreviewCard.OfAsync(db, contact, campaign, AgentIdOf(user),
            user.Identity?.Name ?? "", now, ct));
    }

    /// <summary>
    /// Takes the next contact for this agent, or gives back the one they already hold (204 when none is callable now).
    /// </summary>
    static async Task<Results<Ok<PreviewCard>, NoContent, Conflict<ProblemDetails>, ProblemHttpResult>> Claim(
        ClaimsPrincipal user, PreviewDesk desk, DialerDb db, IOptions<PreviewOptions> options, TimeProvider clock,
        HttpResponse response, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var hold = await desk.ClaimAsync(AgentIdOf(user), TimeSpan.FromSeconds(options.Value.HoldSeconds),
            options.Value.MaxSkipsPerHour, now, ct);
        if (hold.OverCap is { } over) return TooManySkips(response, over, now);
        if (hold.Refusal is { } refusal) return Problems.Conflict(refusal);
        if (hold is not { Contact: { } contact, Campaign: { } campaign }) return TypedResults.NoContent();
        return TypedResults.Ok(await PreviewCard.OfAsync(db, contact, campaign, AgentIdOf(user),
            user.Identity?.Name ?? "", now, ct));
    }

    static async Task<Results<Accepted<Dialed>, ValidationProblem, Conflict<ProblemDetails>>> Dial(DialRequest request,
        ClaimsPrincipal user, PreviewDial dial, CancellationToken ct)
    {
        if (request.ContactId is not { } contactId)
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["contactId"] = ["Say which contact you are dialing."] });
        var result = await dial.DialAsync(AgentIdOf(user), contactId, ct);
        if (result.Refusal is { } refusal) return Problems.Conflict(refusal);
        return TypedResults.Accepted(AgentConsoleApi.Path + "/me", new Dialed(result.Attempt!.Id, contactId));
    }

    static async Task<Results<Ok<Skipped>, ValidationProblem, Conflict<ProblemDetails>, ProblemHttpResult>> Skip(
        SkipRequest request, ClaimsPrincipal user, PreviewDesk desk, IOptions<PreviewOptions> options,
        TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.ContactId is null) errors["contactId"] = ["Say which contact you are skipping."];
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (reason is { Length: > Contact.MaxSkipReasonLength })
            errors["reason"] = [$"At most {Contact.MaxSkipReasonLength} characters."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var now = clock.GetUtcNow();
        var comeBack = TimeSpan.FromMinutes(options.Value.SkipDelayMinutes);
        var skip = await desk.SkipAsync(AgentIdOf(user), request.ContactId!.Value, reason, comeBack,
            options.Value.MaxSkipsPerHour, now, ct);
        if (skip.OverCap is { } over) return TooManySkips(response, over, now);
        if (skip.Refusal is { } refusal) return Problems.Conflict(refusal);
        return TypedResults.Ok(new Skipped(request.ContactId.Value, now + comeBack));
    }

    static ProblemHttpResult TooManySkips(HttpResponse response, SkipCapReached over, DateTimeOffset now)
    {
        var wait = Math.Max(1, (int)Math.Ceiling((over.Until - now).TotalSeconds));
        response.Headers.RetryAfter = wait.ToString();
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many contacts passed over.", detail: over.Reason,
            extensions: new Dictionary<string, object?> { ["skipAgainAt"] = over.Until });
    }

    public static void AddPreviewDialing(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PreviewOptions>().BindConfiguration(PreviewOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<Core.Dialing.ContactClaimer>();
        builder.Services.AddScoped<PreviewDesk>();
        builder.Services.AddScoped<PreviewDial>();
    }
}
