using System.Security.Claims;
using Dialer.Api.Auth;
using Dialer.Api.Campaigns;
using Dialer.Api.Hosting;
using Dialer.Api.Teams;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Recordings;

/// <summary>
/// A campaign's call recordings for its managers, and a recording's audio for them and for the agent who took the call.
/// </summary>
public static class RecordingsApi
{
    /// <param name="campaign">the /api/campaigns/{id} group</param>
    public static RouteGroupBuilder MapCampaignRecordingsApi(this RouteGroupBuilder campaign)
    {
        campaign.MapGet("/recordings", List).RequireAuthorization(Policies.Manager);
        return campaign;
    }

    public static RouteGroupBuilder MapRecordingsApi(this IEndpointRouteBuilder app)
    {
        var recordings = app.MapGroup("/api/recordings").WithTags("Recordings").RequireAuthorization(Policies.Listener);
        recordings.MapGet("/{id:guid}/audio", Audio).RequireTeamScope(TeamObject.Recording);
        return recordings;
    }

    static async Task<Results<Ok<Page<RecordingRow>>, NotFound, ValidationProblem>> List(Guid id, DialerDb db,
        CancellationToken ct, Guid? attemptId = null, int page = 1, int pageSize = 50)
    {
        if (Paging.TooFar(page) is { } tooFar) return TypedResults.ValidationProblem(tooFar);
        if (!await db.Campaigns.AnyAsync(c => c.Id == id, ct)) return TypedResults.NotFound();
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var query = RecordingRow.Of(db, id, attemptId);
        var total = await query.CountAsync(ct);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new Page<RecordingRow>(items, page, pageSize, total));
    }

    /// <summary>
    /// The audio (Twilio's MP3; the simulator's is a WAV) with its content type; a single byte range is honoured.
    /// 404 for a recording the caller may not hear (an agent's colleague's) or one that failed; 410 once it is deleted.
    /// </summary>
    static async Task<Results<EmptyHttpResult, ProblemHttpResult, NotFound>> Audio(Guid id, ClaimsPrincipal user,
        DialerDb db, RecordingMedia media, HttpContext context, CancellationToken ct)
    {
        var recording = await db.CallRecordings.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (recording is null || !RecordingAccess.MayHear(user, recording.AgentId)) return TypedResults.NotFound();
        if (RecordingAccess.WhyNotPlayable(recording) is { } why)
            return TypedResults.Problem(statusCode: why.Status, title: "No audio to play.", detail: why.Detail);
        if (await media.StreamAsync(recording.RecordingSid, context, ct) is { } problem) return problem;
        return TypedResults.Empty;
    }
}
