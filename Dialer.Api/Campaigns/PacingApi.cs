using Dialer.Api.Auth;
using Dialer.Core.Data;
using Dialer.Core.Pacing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Campaigns;

public static class PacingApi
{
    /// <param name="campaign">the /api/campaigns/{id} group</param>
    public static RouteGroupBuilder MapPacingApi(this RouteGroupBuilder campaign)
    {
        campaign.MapGet("/pacing", Get).RequireAuthorization(Policies.Reader)
            .WithDescription("The live pacing state: lines per agent, estimated answer rate, abandon budget left.");
        return campaign;
    }

    static async Task<Results<Ok<PacingState>, NotFound>> Get(Guid id, DialerDb db, CancellationToken ct) =>
        await db.PacingStates.AsNoTracking().FirstOrDefaultAsync(p => p.CampaignId == id, ct) is { } state
            ? TypedResults.Ok(state) : TypedResults.NotFound();
}
