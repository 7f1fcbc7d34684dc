using System.Security.Claims;
using System.Text.Json;
using Dialer.Core.Agents;
using Dialer.Core.Campaigns.Scripts;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Agents;

/// <summary>
/// What the agent console shows: the agent's state and, during a call and its wrap-up, the customer (the screen pop).
/// </summary>
public static class AgentConsoleQuery
{
    public sealed record AgentView(Guid Id, string Name, string ClientIdentity, AgentState State, DateTimeOffset Since,
        string? BreakReason, Guid[] CampaignIds, LineView Line, CurrentCall? Call = null);
    /// <summary>
    /// The agent's line: Address is the phone or SIP address (the agent's own), null for the browser phone.
    /// </summary>
    public sealed record LineView(string? Kind, string? Address, string State, DateTimeOffset? Since, string? Reason);
    public sealed record CurrentCall(Guid AttemptId, Guid CampaignId, string CampaignName, Scripts.ScriptView? Script,
        string[] Dispositions, string State, DateTimeOffset? AnsweredAt, DateTimeOffset? BridgedAt,
        DateTimeOffset? EndedAt, string? Disposition, DateTimeOffset? WrapUpDeadline, ContactCard Contact,
        Transfers.TransferView[] Transfers, CallConsentView Consent);
    /// <param name="PhoneKind">which of the customer's numbers the call reached (home, mobile, work); null when the
    /// contact has one number of no stated kind</param>
    public sealed record ContactCard(long Id, string? Name, string Phone, JsonElement? CustomFields,
        PastAttempt[] History, string? PhoneKind = null);
    /// <param name="RecordingId">the call's recording, to play at /api/recordings/{id}/audio: the agent's own calls
    /// only</param>
    public sealed record PastAttempt(
        Guid AttemptId, DateTimeOffset? At, string? Outcome, string? Disposition, Guid? RecordingId);

    public static AgentView ViewOf(Agent a) =>
        new(a.Id, a.Name, a.ClientIdentity, a.State, a.StateSince, a.BreakReason, a.CampaignIds,
            new LineView(a.LineKind?.ToString().ToLowerInvariant(), a.LineAddress, a.LineState.ToString(),
                a.LineSince, a.LineReason));

    public static async Task<Results<Ok<AgentView>, NotFound>> MeAsync(ClaimsPrincipal user, DialerDb db,
        TimeProvider clock, CancellationToken ct)
    {
        var agentId = AgentConsoleApi.AgentIdOf(user);
        var agent = await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agentId, ct);
        if (agent is null) return TypedResults.NotFound();
        return TypedResults.Ok(ViewOf(agent) with { Call = await CallOfAsync(db, agent, clock.GetUtcNow(), ct) });
    }

    public static async Task<CurrentCall?> CallOfAsync(DialerDb db, Agent agent, DateTimeOffset now,
        CancellationToken ct)
    {
        if (agent.CurrentAttemptId is not { } attemptId) return null;
        var attempt = await db.CallAttempts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attemptId, ct);
        if (attempt is null) return null;
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == attempt.CampaignId, ct);
        var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == attempt.ContactId, ct);
        var history = await ContactHistory.OfAsync(db, contact.Id, agent.Id, attempt.Id, ct);
        var fields = contact.CustomFields is { } json ? JsonDocument.Parse(json).RootElement.Clone()
            : (JsonElement?)null;
        var deadline = agent.State == AgentState.WrapUp
            ? agent.StateSince.AddSeconds(campaign.Settings.MaxWrapUpSeconds) : (DateTimeOffset?)null;
        var values = MergeValues.For(contact.Name, contact.Phone, contact.CustomFields, agent.Name, campaign.Name);
        return new CurrentCall(attempt.Id, campaign.Id, campaign.Name, Scripts.ScriptView.Of(campaign.Settings, values),
            campaign.Settings.Dispositions, attempt.State.ToString(), attempt.AnsweredAt, attempt.BridgedAt,
            attempt.EndedAt, attempt.Disposition, deadline,
            new ContactCard(contact.Id, contact.Name, contact.Phone, fields, history, attempt.PhoneKind),
            await Transfers.TransferView.OfAttemptAsync(db, attempt.Id, ct),
            await CallConsentView.OfAsync(db, campaign.Settings, contact, now, ct));
    }
}
