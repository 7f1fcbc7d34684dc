using Dialer.Api.Auth;
using Dialer.Api.Hosting;
using Dialer.Core.Campaigns;
using Dialer.Core.Data;
using Dialer.Core.Scheduling;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dialer.Api.Campaigns;

/// <summary>Start (now or at the start time), pause, resume and stop: each a Quartz schedule and an event.</summary>
public static class CampaignLifecycleApi
{
    /// <param name="campaign">the /api/campaigns/{id} group</param>
    public static RouteGroupBuilder MapCampaignLifecycleApi(this RouteGroupBuilder campaign)
    {
        var lifecycle = campaign.MapGroup("").RequireAuthorization(Policies.Marketer);
        lifecycle.MapPost("/start", CallerIds.CallerIdLaunch.StartAsync);
        lifecycle.MapPost("/pause", (Guid id, CampaignTransitions t, CancellationToken ct) =>
            t.ApplyAsync(id, (c, now) => c.TryPause(now), "paused", ct));
        lifecycle.MapPost("/resume", (Guid id, CampaignTransitions t, CancellationToken ct) =>
            t.ApplyAsync(id, (c, now) => c.TryResume(now), "resumed", ct));
        lifecycle.MapPost("/stop", (Guid id, CampaignTransitions t, CancellationToken ct) =>
            t.ApplyAsync(id, (c, now) => c.TryStop(now), "stopped", ct));
        return campaign;
    }
}

public sealed class CampaignTransitions(DialerDb db, CampaignLifecycle lifecycle)
{
    public async Task<Results<Ok<CampaignResponse>, NotFound, Conflict<ProblemDetails>>> ApplyAsync(
        Guid id, Func<Campaign, DateTimeOffset, Refusal?> transition, string action, CancellationToken ct)
    {
        var outcome = await lifecycle.RequestedAsync(id, transition, action, ct);
        if (outcome.Campaign is not { } campaign) return TypedResults.NotFound();
        if (outcome.Refusal is { } refusal) return Problems.Conflict(refusal);
        var counts = await ContactCountsQuery.ForAsync(db, [id], ct);
        return TypedResults.Ok(CampaignResponse.From(campaign, counts[id]));
    }
}
