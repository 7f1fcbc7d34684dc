using Dialer.Api.Auth;
using Dialer.Core.Compliance;
using Dialer.Core.Data;
using Dialer.Core.Figures;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Compliance;

/// <summary>
/// The abandon ledger of a campaign: live answers, abandons, rate and what is left before the target.
/// </summary>
public static class AbandonApi
{
    /// <param name="campaign">the /api/campaigns/{id} group</param>
    public static RouteGroupBuilder MapAbandonApi(this RouteGroupBuilder campaign)
    {
        campaign.MapGet("/abandon", Get).RequireAuthorization(Policies.Reader);
        return campaign;
    }

    static async Task<Results<Ok<AbandonFigures>, NotFound>> Get(Guid id, DialerDb db, TimeProvider clock,
        CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return TypedResults.NotFound();
        return TypedResults.Ok(await AbandonLedger.ForAsync(db, campaign, clock.GetUtcNow(), ct));
    }
}
