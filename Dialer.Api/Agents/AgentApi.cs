using System.Security.Claims;
using Dialer.Api.Agents.Lines;
using Dialer.Api.Agents.Transfers;
using Dialer.Api.Auth;
using Dialer.Api.Hosting;
using Dialer.Core.Agents;
using Dialer.Core.Campaigns;
using Dialer.Core.Data;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Agents;

/// <summary>What an agent does with their own state: log in to campaigns, go Available, take a break, log out.</summary>
public static class AgentApi
{
    public sealed record LoginRequest(Guid[]? CampaignIds);
    public sealed record BreakRequest(string? Reason);

    public static RouteGroupBuilder MapAgentApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/agent").WithTags("Agent").RequireAuthorization(Policies.Agent);
        group.MapPost("/login", Login);
        group.MapPost("/available", (ClaimsPrincipal user, DialerDb db, IPublishEndpoint bus, TimeProvider clock, CancellationToken ct) =>
            ChangeAsync(user, db, bus, (a, now) => a.TryGoAvailable(now), clock, ct));
        group.MapPost("/break", Break);
        group.MapPost("/logout", (ClaimsPrincipal user, DialerDb db, IPublishEndpoint bus, TimeProvider clock, CancellationToken ct) =>
            ChangeAsync(user, db, bus, (a, now) => a.TryLogOut(now), clock, ct));
        group.MapGet("/me", AgentConsoleQuery.MeAsync);
        group.MapPost("/calls/{attemptId:guid}/disposition", DispositionApi.SetAsync);
        group.MapGet("/token", VoiceTokens.Issue);
        group.MapAgentLineApi();
        group.MapAgentCallControlApi();
        group.MapTransferApi();
        return group;
    }

    public static Guid AgentIdOf(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(DialerClaims.AgentId)!);

    static async Task<Results<Ok<AgentConsoleQuery.AgentView>, ValidationProblem, Conflict<ProblemDetails>, NotFound>> Login(
        LoginRequest request, ClaimsPrincipal user, DialerDb db, IPublishEndpoint bus, TimeProvider clock, CancellationToken ct)
    {
        var ids = request.CampaignIds ?? [];
        if (ids.Length == 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["campaignIds"] = ["Choose at least one campaign."] });
        var known = await db.Campaigns.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        if (ids.Except(known).ToList() is { Count: > 0 } unknown)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["campaignIds"] = [.. unknown.Select(u => $"No campaign {u}.")] });
        return await ChangeAsync(user, db, bus, (a, now) => a.TryLogIn(ids, now), clock, ct);
    }

    static async Task<Results<Ok<AgentConsoleQuery.AgentView>, ValidationProblem, Conflict<ProblemDetails>, NotFound>> Break(
        BreakRequest request, ClaimsPrincipal user, DialerDb db, IPublishEndpoint bus, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 100)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Say why, in at most 100 characters."] });
        return await ChangeAsync(user, db, bus, (a, now) => a.TryBreak(request.Reason.Trim(), now), clock, ct);
    }

    static async Task<Results<Ok<AgentConsoleQuery.AgentView>, ValidationProblem, Conflict<ProblemDetails>, NotFound>> ChangeAsync(
        ClaimsPrincipal user, DialerDb db, IPublishEndpoint bus, Func<Agent, DateTimeOffset, Refusal?> change, TimeProvider clock, CancellationToken ct)
    {
        var agent = await db.Agents.FindAsync([AgentIdOf(user)], ct);
        if (agent is null) return TypedResults.NotFound();
        if (change(agent, clock.GetUtcNow()) is { } refusal) return Problems.Conflict(refusal);
        try
        {
            await AgentSaves.SaveAsync(db, bus, agent, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // the router reserved the agent (or the healer moved them) between our read and our write
            return Problems.Conflict(new Refusal("The agent's state changed meanwhile (a call arrived?): read it again and retry."));
        }
        return TypedResults.Ok(AgentConsoleQuery.ViewOf(agent));
    }
}
