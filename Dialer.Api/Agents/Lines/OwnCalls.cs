using System.Security.Claims;
using Dialer.Api.Hosting;
using Dialer.Core.Agents;
using Dialer.Core.Campaigns;
using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Twilio.Exceptions;

namespace Dialer.Api.Agents.Lines;

/// <summary>
/// The agent's own current call, its customer still with them: <see cref="Room"/> is the agent's room's SID.
/// </summary>
public sealed record OwnCall(Guid AttemptId, Guid AgentId, Guid CampaignId, string CustomerCallSid, string Room);

/// <summary>
/// The one check of every call control: only on the agent's own current call, its customer still on the line.
/// </summary>
public static class OwnCalls
{
    public static readonly Refusal CustomerGone = new("The customer is no longer on the line.");

    /// <returns>the call, or the answer to give instead: 404, 403 (not the agent's current call), 409 (the customer is
    /// gone)</returns>
    public static async Task<(OwnCall? Call, IResult? Refusal)> FindAsync(Guid attemptId, ClaimsPrincipal user,
        DialerDb db, CancellationToken ct)
    {
        var agentId = AgentConsoleApi.AgentIdOf(user);
        var agent = await db.Agents.AsNoTracking().Where(a => a.Id == agentId)
            .Select(a => new { a.CurrentAttemptId, a.RoomSid, a.State }).FirstOrDefaultAsync(ct);
        var attempt = await db.CallAttempts.AsNoTracking().Where(a => a.Id == attemptId)
            .Select(a => new { a.AgentId, a.CampaignId, a.CallSid, a.ConferenceSid, a.EndedAt })
            .FirstOrDefaultAsync(ct);
        if (agent is null || attempt is null) return (null, TypedResults.NotFound());
        if (attempt.AgentId != agentId || agent.CurrentAttemptId != attemptId)
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: "This is not your current call."));
        // in wrap-up the customer has left the agent's room (hung up, or handed over to a transfer)
        if (agent.State == AgentState.WrapUp || attempt.EndedAt is not null || attempt.CallSid is null
            || (attempt.ConferenceSid ?? agent.RoomSid) is not { } room)
            return (null, Problems.Conflict(CustomerGone));
        return (new OwnCall(attemptId, agentId, attempt.CampaignId, attempt.CallSid, room), null);
    }

    /// <summary>
    /// Twilio's answer as ours: a call that is gone is a conflict, anything else Twilio refused a 502.
    /// </summary>
    public static async Task<IResult> TwilioAsync(Func<Task<IResult>> request)
    {
        try
        {
            return await request();
        }
        catch (ApiException e) when (IsGone(e))
        {
            return Problems.Conflict(CustomerGone);
        }
        catch (TwilioException e)
        {
            return TwilioFailed(e);
        }
    }

    public static bool IsGone(ApiException e) => e.Status == 404 || e.Code is 20404 or 21220;

    public static IResult TwilioFailed(TwilioException e) =>
        TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway,
            title: "Twilio did not carry out the request.", detail: e.Message);
}
