using Dialer.Api.Auth;
using Dialer.Core.Data;
using Dialer.Core.Preview;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Preview;

/// <summary>
/// Which preview cards the campaign's agents were shown, and what each did with them: for the managers of the
/// campaign's team (and admins), to see an agent who looks through contacts without calling them.
/// </summary>
public static class PreviewCardLogApi
{
    public const int MaxPageSize = 500;

    public sealed record CardShown(long Id, Guid AgentId, string? AgentName, long ContactId, DateTimeOffset ShownAt,
        DateTimeOffset HeldUntil, PreviewCardOutcome? Outcome, DateTimeOffset? EndedAt);
    /// <param name="NextAfter">the next page's <c>after</c>; null on the last page</param>
    public sealed record CardLogPage(IReadOnlyList<CardShown> Items, long? NextAfter);

    /// <param name="campaign">the /api/campaigns/{id} group (team-scoped by it)</param>
    public static RouteGroupBuilder MapPreviewCardLogApi(this RouteGroupBuilder campaign)
    {
        campaign.MapGet("/preview-cards", List).RequireAuthorization(Policies.Manager)
            .WithDescription("The preview cards shown to the campaign's agents, oldest first, paged by key "
                + $"(?after=<last id>, pageSize up to {MaxPageSize}): agent, contact, when, and skipped, dialed, "
                + "lapsed or withdrawn.");
        return campaign;
    }

    static async Task<Results<Ok<CardLogPage>, NotFound, ValidationProblem>> List(Guid id, DialerDb db,
        CancellationToken ct, long after = 0, int pageSize = 100)
    {
        if (pageSize is < 1 or > MaxPageSize)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            { ["pageSize"] = [$"Must be between 1 and {MaxPageSize}."] });
        if (!await db.Campaigns.AnyAsync(c => c.Id == id, ct)) return TypedResults.NotFound();
        var items = await db.PreviewCards.AsNoTracking().Where(c => c.CampaignId == id && c.Id > after)
            .OrderBy(c => c.Id).Take(pageSize)
            .GroupJoin(db.Agents, c => c.AgentId, a => a.Id, (c, a) => new { c, a })
            .SelectMany(x => x.a.DefaultIfEmpty(), (x, a) => new CardShown(x.c.Id, x.c.AgentId,
                a == null ? null : a.Name, x.c.ContactId, x.c.ShownAt, x.c.HeldUntil, x.c.Outcome, x.c.EndedAt))
            .ToListAsync(ct);
        items = [.. items.OrderBy(c => c.Id)];
        return TypedResults.Ok(new CardLogPage(items, items.Count == pageSize ? items[^1].Id : null));
    }
}
