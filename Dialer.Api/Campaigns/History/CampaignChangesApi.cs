using Dialer.Api.Auth;
using Dialer.Core.Campaigns.History;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Campaigns.History;

public static class CampaignChangesApi
{
    public sealed record ChangeResponse(long Id, DateTimeOffset At, string By, string Action, string? Note,
        FieldChange[] Fields);

    /// <param name="campaign">the /api/campaigns/{id} group</param>
    public static RouteGroupBuilder MapCampaignChangesApi(this RouteGroupBuilder campaign)
    {
        campaign.MapGet("/changes", List).RequireAuthorization(Policies.Reader)
            .WithDescription("Every change to the campaign's definition and status: who, when, and each field's old "
                + "and new value; newest first.");
        return campaign;
    }

    static async Task<Results<Ok<List<ChangeResponse>>, NotFound>> List(Guid id, DialerDb db, CancellationToken ct)
    {
        var changes = await db.CampaignChanges.AsNoTracking().Where(c => c.CampaignId == id)
            .OrderByDescending(c => c.Id).ToListAsync(ct);
        if (changes.Count == 0 && !await db.Campaigns.AnyAsync(c => c.Id == id, ct)) return TypedResults.NotFound();
        return TypedResults.Ok(
            changes.Select(c => new ChangeResponse(c.Id, c.At, c.By, c.Action, c.Note, c.Fields)).ToList());
    }
}
