using Dialer.Api.Auth;
using Dialer.Core.Data;
using Dialer.Core.Pacing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Campaigns;

public static class PacingApi
{
    public static RouteGroupBuilder MapPacingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/campaigns/{id:guid}").WithTags("Campaigns").RequireAuthorization(Policies.Reader);
        group.MapGet("/pacing", Get).WithDescription("The live pacing state: lines per agent, estimated answer rate, abandon budget left.");
        return group;
    }

    static async Task<Results<Ok<PacingState>, NotFound>> Get(Guid id, DialerDb db, CancellationToken ct) =>
        await db.PacingStates.AsNoTracking().FirstOrDefaultAsync(p => p.CampaignId == id, ct) is { } state
            ? TypedResults.Ok(state) : TypedResults.NotFound();
}
