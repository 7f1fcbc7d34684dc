using Dialer.Api.Auth;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Reporting.Jurisdictions;

/// <summary>GET /api/campaigns/{id}/jurisdictions: the campaign's calls by jurisdiction; the demo prints it.</summary>
public static class JurisdictionReportApi
{
    /// <param name="campaign">the /api/campaigns/{id} group, team-scoped</param>
    public static RouteGroupBuilder MapJurisdictionReportApi(this RouteGroupBuilder campaign)
    {
        campaign.MapGet("/jurisdictions", Get).RequireAuthorization(Policies.Reader);
        return campaign;
    }

    static async Task<Results<Ok<JurisdictionReport>, NotFound>> Get(Guid id, DialerDb db, TimeProvider clock,
        CancellationToken ct)
    {
        if (!await db.Campaigns.AsNoTracking().AnyAsync(c => c.Id == id, ct)) return TypedResults.NotFound();
        return TypedResults.Ok(await JurisdictionReport.ForAsync(db, id, clock.GetUtcNow(), ct));
    }
}
