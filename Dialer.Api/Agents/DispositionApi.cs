using System.Security.Claims;
using System.Text.Json;
using Dialer.Api.Auth;
using Dialer.Api.Hosting;
using Dialer.Contracts;
using Dialer.Core.Agents;
using Dialer.Core.Campaigns;
using Dialer.Core.Campaigns.Scripts;
using Dialer.Core.Changes;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Agents;

/// <summary>The agent says how the call went; the contact, the lists and the agent's state follow at once.</summary>
public static class DispositionApi
{
    /// <param name="Fields">the script's fields the agent filled in, by key (<see cref="ScriptAnswers"/>)</param>
    public sealed record DispositionRequest(string? Disposition, DateTimeOffset? CallbackAt, string? Notes,
        Dictionary<string, JsonElement>? Fields = null);
    public sealed record DispositionResult(Guid AttemptId, string Disposition, bool Converted,
        DateTimeOffset? CallbackAt, AgentState AgentState);

    public static async Task<Results<Ok<DispositionResult>, NotFound, ValidationProblem, Conflict<ProblemDetails>,
        ProblemHttpResult>> SetAsync(
        Guid attemptId, DispositionRequest request, ClaimsPrincipal user, DialerDb db, StateChanges changes,
        TimeProvider clock, CancellationToken ct)
    {
        var agentId = AgentConsoleApi.AgentIdOf(user);
        var now = clock.GetUtcNow();
        var found = await db.CallAttempts.AsNoTracking().Where(a => a.Id == attemptId)
            .Select(a => new { a.AgentId, a.CampaignId, a.ContactId }).FirstOrDefaultAsync(ct);
        if (found is null) return TypedResults.NotFound();
        if (found.AgentId != agentId)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your call.",
                detail: "An agent may only set the disposition of a call they took.");
        var settings = await db.Campaigns.Where(c => c.Id == found.CampaignId).Select(c => c.Settings).SingleAsync(ct);
        var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == found.ContactId, ct);
        var errors = Validate(request, settings, contact, now);
        var (answers, fieldErrors) = ScriptAnswers.Check(settings.ScriptFields, request.Fields,
            request.Disposition?.Trim() ?? "");
        foreach (var (field, messages) in fieldErrors) errors[field] = messages;
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var disposition = settings.Dispositions.First(
            d => d.Equals(request.Disposition!.Trim(), StringComparison.OrdinalIgnoreCase));

        var (result, refused) = await changes.RunAsync<(DispositionResult?, Refusal?)>(async (unit, token) =>
        {
            var attempt = (await unit.LockAttemptAsync(attemptId, token))!;
            var (refusal, tracked) = await Disposal.DisposeAsync(unit, attempt, disposition, request.Notes?.Trim(),
                request.CallbackAt?.ToUniversalTime(), settings, user.AuditId(), token, answers);
            if (refusal is not null)
            {
                unit.Discard();
                return (null, refusal);
            }
            var agent = await unit.LockAgentAsync(agentId, token);
            agent?.FinishWrapUp(attemptId, "disposition set", unit.Now);
            if (agent is not null) unit.Record(agent);
            unit.Publish(new CallDispositioned(attemptId, attempt.CampaignId, agentId, disposition, attempt.Converted,
                unit.Now));
            return (new DispositionResult(attemptId, disposition, attempt.Converted, tracked!.CallbackAt,
                agent?.State ?? AgentState.Offline), null);
        }, ct);
        return refused is not null ? Problems.Conflict(refused) : TypedResults.Ok(result!);
    }

    static Dictionary<string, string[]> Validate(
        DispositionRequest r, CampaignSettings settings, Contact contact, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var d = r.Disposition?.Trim();
        if (string.IsNullOrEmpty(d) || !settings.Dispositions.Contains(d, StringComparer.OrdinalIgnoreCase))
            errors["disposition"] =
                [$"Choose one of the campaign's dispositions: {string.Join(", ", settings.Dispositions)}."];
        if (r.Notes is { Length: > 2000 }) errors["notes"] = ["At most 2000 characters."];
        if (!Dispositions.IsCallback(d)) return errors;
        if (r.CallbackAt is not { } at) errors["callbackAt"] = ["A callback needs the time to call back."];
        else if (at <= now) errors["callbackAt"] = ["The callback time has passed."];
        else if (!CallingHours.IsOpen(settings.CallingWindow, contact.TimeZones, at))
        {
            var next = CallingHours.NextOpening(settings.CallingWindow, contact.TimeZones, at);
            errors["callbackAt"] = [next is { } n
                ? $"That is outside the contact's calling hours; the next lawful time is {n:O}."
                : "The contact's calling hours are unknown, so no callback time is lawful."];
        }
        return errors;
    }
}
