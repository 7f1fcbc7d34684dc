using System.Security.Claims;
using Dialer.Api.Auth;
using Dialer.Api.Hosting;
using Dialer.Api.Teams;
using Dialer.Core.Agents;
using Dialer.Core.Campaigns;
using Dialer.Core.Data;
using Dialer.Core.Supervision;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Twilio.Exceptions;

namespace Dialer.Api.Supervision;

/// <summary>
/// Managers supervise an agent's live call: join it listening, whispering or barging, switch mode in place, leave.
/// Every session is kept, with its modes, as the audit of who supervised which call and when.
/// </summary>
public static class SupervisionApi
{
    /// <param name="agents">the /api/agents group</param>
    public static RouteGroupBuilder MapSupervisionApi(this RouteGroupBuilder agents)
    {
        var group = agents.MapGroup("/{agentId:guid}/supervision").RequireTeamScope(TeamObject.Agent, "agentId");
        group.MapGet("", List);
        group.MapPost("", Join);
        group.MapGet("/{id:guid}", Get);
        group.MapPatch("/{id:guid}", Switch);
        group.MapDelete("/{id:guid}", Leave);
        return agents;
    }

    static async Task<Ok<List<SupervisionView>>> List(Guid agentId, DialerDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.SupervisionSessions.AsNoTracking().Include(s => s.Modes)
            .Where(s => s.AgentId == agentId)
            .OrderByDescending(s => s.StartedAt).Take(50).ToListAsync(ct)).Select(SupervisionView.Of).ToList());

    static async Task<Results<Ok<SupervisionView>, NotFound>> Get(Guid agentId, Guid id, DialerDb db,
        CancellationToken ct) =>
        await FindAsync(db, agentId, id, ct) is { } session ? TypedResults.Ok(SupervisionView.Of(session))
            : TypedResults.NotFound();

    static async Task<Results<Created<SupervisionView>, ValidationProblem, NotFound, Conflict<ProblemDetails>,
        ProblemHttpResult>> Join(
        Guid agentId, SuperviseRequest request, ClaimsPrincipal user, DialerDb db, SupervisorLeg leg,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var mode = SupervisionInput.Mode(request.Mode, errors);
        var to = SupervisionInput.To(request.To, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var agent = await db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agentId, ct);
        if (agent is null) return TypedResults.NotFound();
        var call = agent is { State: AgentState.OnCall, CurrentAttemptId: { } attemptId }
            ? await db.CallAttempts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attemptId, ct)
            : null;
        if (call is null || call.IsFinal || call.ConferenceSid is null || call.AgentCallSid is null)
            return Problems.Conflict(new Refusal(
                $"{agent.Name} has no live call to supervise (the agent is {agent.State})."));
        var supervisorId = Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var me = await db.Users.AsNoTracking().SingleAsync(u => u.Id == supervisorId, ct);
        if (!SupervisionInput.IsOwnLine(to!, me))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["to"] = [me.ClientIdentity is null && me.Phone is null
                    ? "You have no line registered to supervise from: an admin sets your phone or browser identity."
                    : "Supervise from your own line: " + string.Join(" or ",
                        new[] { me.ClientIdentity is { } i ? "client:" + i : null, me.Phone }.OfType<string>()) + "."],
            });
        if (await db.SupervisionSessions.AnyAsync(s => s.AttemptId == call.Id && s.SupervisorUserId == supervisorId
            && s.EndedAt == null, ct))
            return Problems.Conflict(new Refusal("You are already in this call: switch your mode, or leave it first."));

        var settings = await db.Campaigns.Where(c => c.Id == call.CampaignId).Select(c => c.Settings).SingleAsync(ct);
        var session = SupervisionSession.Start(agentId, call.Id, call.CampaignId, supervisorId, user.Identity?.Name
            ?? "", to!, call.ConferenceSid, mode!.Value, clock.GetUtcNow());
        try
        {
            session.CallSid = await leg.JoinAsync(session, settings.CallerId, call.AgentCallSid, ct);
        }
        catch (ApiException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return Problems.Conflict(new Refusal("The call ended before you could join it."));
        }
        catch (TwilioException e)
        {
            return TwilioProblem(e);
        }
        db.SupervisionSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/agents/{agentId}/supervision/{session.Id}", SupervisionView.Of(session));
    }

    static async Task<Results<Ok<SupervisionView>, ValidationProblem, NotFound, Conflict<ProblemDetails>,
        ProblemHttpResult, ForbidHttpResult>> Switch(
        Guid agentId, Guid id, SwitchModeRequest request, ClaimsPrincipal user, DialerDb db, SupervisorLeg leg,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var mode = SupervisionInput.Mode(request.Mode, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (await FindAsync(db, agentId, id, ct, tracked: true) is not { } session) return TypedResults.NotFound();
        if (!IsOpener(user, session)) return TypedResults.Forbid();
        var now = clock.GetUtcNow();
        if (session.TrySwitch(mode!.Value, now) is { } refusal) return Problems.Conflict(refusal);

        var agentCallSid = await db.CallAttempts.Where(a => a.Id == session.AttemptId).Select(a => a.AgentCallSid)
            .SingleAsync(ct);
        try
        {
            await leg.SwitchAsync(session, agentCallSid!, ct);
        }
        catch (ApiException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            // the leg is gone (the call ended, or the supervisor hung up): the session ends as it is
            await EndAsync(db, id, "the supervisor's leg was gone", now, ct);
            return Problems.Conflict(new Refusal("Your leg of the call has ended."));
        }
        catch (TwilioException e)
        {
            return TwilioProblem(e);
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SupervisionView.Of(session));
    }

    static async Task<Results<NoContent, NotFound, ProblemHttpResult, ForbidHttpResult>> Leave(Guid agentId, Guid id,
        ClaimsPrincipal user, DialerDb db, SupervisorLeg leg, TimeProvider clock, CancellationToken ct)
    {
        if (await FindAsync(db, agentId, id, ct, tracked: true) is not { } session) return TypedResults.NotFound();
        if (!IsOpener(user, session)) return TypedResults.Forbid();
        if (!session.IsLive) return TypedResults.NoContent();
        try
        {
            await leg.LeaveAsync(session, ct);
        }
        catch (ApiException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            // already out of the room: leaving is done either way
        }
        catch (TwilioException e)
        {
            return TwilioProblem(e);
        }
        session.End("left", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>Only the manager who opened a session switches or ends it (or an admin).</summary>
    static bool IsOpener(ClaimsPrincipal user, SupervisionSession session) =>
        user.IsInRole(nameof(Core.Auth.Role.Admin)) || user.AuditId() == session.SupervisorUserId.ToString();

    static async Task EndAsync(DialerDb db, Guid id, string reason, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var session = await db.SupervisionSessions.SingleAsync(s => s.Id == id, ct);
        if (session.End(reason, now)) await db.SaveChangesAsync(ct);
    }

    static Task<SupervisionSession?> FindAsync(DialerDb db, Guid agentId, Guid id, CancellationToken ct,
        bool tracked = false)
    {
        var sessions = tracked ? db.SupervisionSessions : db.SupervisionSessions.AsNoTracking();
        return sessions.Include(s => s.Modes).SingleOrDefaultAsync(s => s.Id == id && s.AgentId == agentId, ct);
    }

    static ProblemHttpResult TwilioProblem(TwilioException e) =>
        TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Twilio did not do it.",
        detail: e is ApiException api ? $"Twilio error {api.Code}: {api.Message}" : e.Message);
}
