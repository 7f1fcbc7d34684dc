using Dialer.Api.Auth;
using Dialer.Api.Campaigns.History;
using Dialer.Api.Hosting;
using Dialer.Core.Campaigns;
using Dialer.Core.Data;
using Dialer.Core.Scheduling;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Campaigns;

/// <summary>Start (now or at the start time), pause, resume and stop: each a Quartz schedule and an event.</summary>
public static class CampaignLifecycleApi
{
    public static RouteGroupBuilder MapCampaignLifecycleApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/campaigns/{id:guid}").WithTags("Campaigns").RequireAuthorization(Policies.Marketer);
        group.MapPost("/start", (Guid id, CampaignTransitions t, CancellationToken ct) => t.ApplyAsync(id, (c, now) => c.TryStart(now), "started", ct));
        group.MapPost("/pause", (Guid id, CampaignTransitions t, CancellationToken ct) => t.ApplyAsync(id, (c, now) => c.TryPause(now), "paused", ct));
        group.MapPost("/resume", (Guid id, CampaignTransitions t, CancellationToken ct) => t.ApplyAsync(id, (c, now) => c.TryResume(now), "resumed", ct));
        group.MapPost("/stop", (Guid id, CampaignTransitions t, CancellationToken ct) => t.ApplyAsync(id, (c, now) => c.TryStop(now), "stopped", ct));
        return group;
    }
}

public sealed class CampaignTransitions(DialerDb db, CampaignLifecycle lifecycle, CampaignHistory history, TimeProvider clock)
{
    public async Task<Results<Ok<CampaignResponse>, NotFound, Conflict<ProblemDetails>, ProblemHttpResult>> ApplyAsync(
        Guid id, Func<Campaign, DateTimeOffset, Refusal?> transition, string reason, CancellationToken ct)
    {
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return TypedResults.NotFound();
        var before = campaign.Status;
        if (transition(campaign, clock.GetUtcNow()) is { } refusal) return Problems.Conflict(refusal);
        history.Status(campaign, before, reason);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return ETags.StaleProblem(); }

        await lifecycle.AnnounceAsync(campaign, $"{reason} through the API", ct);
        var counts = await ContactCountsQuery.ForAsync(db, [id], ct);
        return TypedResults.Ok(CampaignResponse.From(campaign, counts[id]));
    }
}
