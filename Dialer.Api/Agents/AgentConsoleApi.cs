using System.Security.Claims;
using Dialer.Api.Agents.Lines;
using Dialer.Api.Agents.Transfers;
using Dialer.Api.Auth;
using Dialer.Api.Hosting;
using Dialer.Api.Preview;
using Dialer.Api.Teams;
using Dialer.Core.Agents;
using Dialer.Core.Campaigns;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Agents;

/// <summary>
/// The agent console's resource, one route group (/api/agent-console, agents only, about the signed-in agent alone):
/// their own state (log in to campaigns, go Available, take a break, log out), their line, calls, transfers,
/// preview contacts and voice token. The managers' view of agents is /api/agents.
/// </summary>
public static class AgentConsoleApi
{
    public sealed record LoginRequest(Guid[]? CampaignIds);
    public sealed record BreakRequest(string? Reason);

    public const string Path = "/api/agent-console";

    public static RouteGroupBuilder MapAgentConsoleApi(this IEndpointRouteBuilder app)
    {
        var console = app.MapGroup(Path).WithTags("Agent console").RequireAuthorization(Policies.Agent);
        console.MapGet("/campaigns", AgentCampaignsQuery.ListAsync).OwnTeamOnly(TeamObject.AssignedCampaign);
        console.MapPost("/login", Login).OwnTeamOnly(TeamObject.AssignedCampaign)
            .WithDescription("Only campaigns the agent is assigned to; any other answers 400 as unknown.");
        console.MapPost("/available", (ClaimsPrincipal user, AgentChanges changes, CancellationToken ct) =>
            ChangeAsync(user, changes, (a, now) => a.TryGoAvailable(now), ct));
        console.MapPost("/break", Break);
        console.MapPost("/logout", (ClaimsPrincipal user, AgentChanges changes, CancellationToken ct) =>
            ChangeAsync(user, changes, (a, now) => a.TryLogOut(now), ct));
        console.MapGet("/me", AgentConsoleQuery.MeAsync);
        console.MapPost("/calls/{attemptId:guid}/disposition", DispositionApi.SetAsync);
        console.MapPost("/calls/{attemptId:guid}/consent-withdrawal", CallConsentApi.WithdrawAsync)
            .WithDescription("The customer withdrew their consent: every kind, or the one named.");
        console.MapGet("/token", VoiceTokens.Issue);
        console.MapAgentLineApi();
        console.MapAgentCallControlApi();
        console.MapTransferApi();
        console.MapPreviewApi();
        return console;
    }

    public static Guid AgentIdOf(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(DialerClaims.AgentId)!);

    static async Task<Results<Ok<AgentConsoleQuery.AgentView>, ValidationProblem, Conflict<ProblemDetails>,
        NotFound>> Login(
        LoginRequest request, ClaimsPrincipal user, TeamScope scope, AgentChanges changes, CancellationToken ct)
    {
        var ids = request.CampaignIds ?? [];
        if (ids.Length == 0)
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["campaignIds"] = ["Choose at least one campaign."] });
        if (ids.Length > 100)
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["campaignIds"] = ["At most 100."] });
        // a campaign the agent is not assigned to reads as one that does not exist: its existence is not theirs to
        // learn
        if (await scope.NotAssignedAsync(ids, ct) is { Count: > 0 } unknown)
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["campaignIds"] = [.. unknown.Select(u => $"No campaign {u}.")] });
        return await ChangeAsync(user, changes, (a, now) => a.TryLogIn(ids, now), ct);
    }

    static async Task<Results<Ok<AgentConsoleQuery.AgentView>, ValidationProblem, Conflict<ProblemDetails>,
        NotFound>> Break(
        BreakRequest request, ClaimsPrincipal user, AgentChanges changes, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 100)
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["reason"] = ["Say why, in at most 100 characters."] });
        return await ChangeAsync(user, changes, (a, now) => a.TryBreak(request.Reason.Trim(), now), ct);
    }

    /// <summary>Under the agent's row lock: the router reserving them meanwhile is waited for.</summary>
    static async Task<Results<Ok<AgentConsoleQuery.AgentView>, ValidationProblem, Conflict<ProblemDetails>,
        NotFound>> ChangeAsync(
        ClaimsPrincipal user, AgentChanges changes, Func<Agent, DateTimeOffset, Refusal?> change, CancellationToken ct)
    {
        var outcome = await changes.ApplyAsync(AgentIdOf(user), (a, unit) => change(a, unit.Now), ct);
        if (outcome.Agent is null) return TypedResults.NotFound();
        if (outcome.Refusal is { } refusal) return Problems.Conflict(refusal);
        return TypedResults.Ok(AgentConsoleQuery.ViewOf(outcome.Agent));
    }
}
