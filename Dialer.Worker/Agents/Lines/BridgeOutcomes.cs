using Dialer.Contracts;
using Dialer.Core.Agents;
using Dialer.Core.Agents.Lines;
using Dialer.Core.Campaigns.Audio;
using Dialer.Core.Changes;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Worker.Dialing;
using Dialer.Worker.Recordings;
using Dialer.Worker.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Rest.Api.V2010.Account.Conference;
using Twilio.TwiML;

namespace Dialer.Worker.Agents.Lines;

/// <summary>
/// What becomes of a customer put in an agent's room, and of the agent's line, whoever tells us (the room's events, the
/// line's status callback, the customer's Dial action). Whatever fails, a customer who answered hears the safe-harbour
/// message, never silence; a customer already talking is never cut off by the agent's line dropping.
/// </summary>
public sealed class BridgeOutcomes(AttemptUpdates updates, AgentLineChanges lines, RecordingStarter recordings,
    CampaignSettingsCache campaigns, CampaignAudioLinks audio, DialerDb db, TwilioClients clients,
    IOptions<TwilioOptions> twilio, TimeProvider clock, ILogger<BridgeOutcomes> log)
{
    public async Task LineOpenedAsync(Guid agentId, string lineCallSid, string roomSid, CancellationToken ct)
    {
        var agent = await lines.ApplyAsync(agentId, (a, now) =>
        {
            var room = roomSid.Length > 0 && a.RoomSid != roomSid;
            if (room) a.RoomSid = roomSid;
            return a.LineOpened(lineCallSid, now) | room;
        }, ct);
        // back after a drop with a customer still waiting on hold: they talk again
        if (agent is { State: AgentState.OnCall, HasOpenLine: true, CurrentAttemptId: { } attemptId })
            await HoldCustomerAsync(agent, attemptId, hold: false, ct);
    }

    public async Task LineDroppedAsync(Guid agentId, string lineCallSid, string reason, CancellationToken ct)
    {
        var agent = await lines.ApplyAsync(agentId, (a, now) => a.LineDropped(lineCallSid, reason, now), ct);
        if (agent?.CurrentAttemptId is not { } attemptId) return;
        if (agent.State == AgentState.Reserved)
            await SafeHarbourAsync(attemptId, ct); // nobody left to put the customer with
        else if (agent.State == AgentState.OnCall)
            await HoldCustomerAsync(agent, attemptId, hold: true, ct); // music, not silence, until the agent is back
    }

    /// <summary>
    /// A customer is in the agent's room: from now they talk (the abandon ledger's moment), or, with no agent there,
    /// the message.
    /// </summary>
    /// <param name="joinedAt">the moment Twilio recorded, for a join whose event was lost (<see cref="LostJoins"/>):
    /// found in the room long after, the customer is bridged only if the agent is still theirs, never sent to the
    /// message (they may be talking)</param>
    public async Task CustomerJoinedAsync(Guid agentId, string customerCallSid, string roomSid, string label,
        DateTimeOffset? joinedAt, CancellationToken ct)
    {
        var attemptId = await db.CallAttempts.Where(a => a.CallSid == customerCallSid).Select(a => (Guid?)a.Id)
            .FirstOrDefaultAsync(ct)
            ?? (label == AgentRoom.CustomerLabel ? await PreviewCallNotYetPlacedAsync(agentId, ct) : null);
        if (attemptId is null) return; // not a customer of ours (a supervisor or a transfer's third party)
        var now = joinedAt ?? clock.GetUtcNow();
        var empty = false;
        var attempt = await updates.ApplyAsync(attemptId.Value, async (a, unit, ct) =>
        {
            var agent = await unit.LockAgentAsync(agentId, ct);
            if (agent is null || a.IsFinal) return false;
            if (a.CallSid is null) a.CallSid = customerCallSid;
            var lineHere = InLinesRoom(agent, roomSid);
            if (agent.HasOpenLine && agent.CurrentAttemptId == a.Id && lineHere)
            {
                var changed = PreviewAnswered(unit, a, agent.Id, now) | a.AgentConnected(now)
                    | a.AgentLegPlaced(roomSid, agent.LineCallSid!);
                var moved = agent.Connected(a.Id, now);
                if (moved) unit.Record(agent);
                return changed || moved;
            }
            // joined again (after a hold), or already given the message (the line's drop told us first): nothing new
            if (a.BridgedAt is not null || a.MessageStartedAt is not null || joinedAt is not null) return false;
            empty = true;
            a.AgentMissed(now);
            var freed = agent.RoomEmpty(a.Id, now);
            // the line's end never reached us (a Worker down when Twilio told): it is gone, whatever we believed
            if (!lineHere) freed |= agent.LineDropped(agent.LineCallSid, "not in its room when a customer came", now);
            if (freed) unit.Record(agent);
            return true;
        }, ct);
        if (attempt is null) return;
        if (empty) await RedirectToMessageAsync(attempt, ct);
        else if (attempt.BridgedAt == now) await recordings.StartAsync(attempt, agentId, roomSid, ct);
    }

    /// <summary>
    /// The room the customer entered is the one the agent's line joined. Another one (a new room of the same name)
    /// means the line's room ended: the line left it, and the customer is alone there.
    /// </summary>
    static bool InLinesRoom(Agent agent, string roomSid) =>
        agent.RoomSid is null || roomSid.Length == 0 || agent.RoomSid == roomSid;

    /// <summary>
    /// A preview call rings in the agent's room and its customer joins on answer without an answer webhook: joining is
    /// their answer, live and taken by the agent who dialed them.
    /// </summary>
    static bool PreviewAnswered(StateChange unit, CallAttempt a, Guid agentId, DateTimeOffset now)
    {
        if (a.LiveAnswer || a.AgentId != agentId) return false;
        a.Advance(AttemptState.InProgress, now);
        a.AnsweredLive(agentId, now);
        unit.Publish(new CallBridgedToAgent(a.Id, a.CampaignId, agentId, a.ContactId, now));
        return true;
    }

    /// <summary>
    /// A preview customer who answered before the create's answer was saved: the agent's dial is theirs.
    /// </summary>
    Task<Guid?> PreviewCallNotYetPlacedAsync(Guid agentId, CancellationToken ct) =>
        db.CallAttempts.Where(a => a.AgentId == agentId && a.CallSid == null && !a.LiveAnswer && a.EndedAt == null
                && db.Agents.Any(g => g.Id == agentId && g.CurrentAttemptId == a.Id))
            .Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The customer left the agent's room. The room stays (the agent's line waits there for the next customer), so a
    /// supervisor still in it would hear the next call: their legs end with this customer; the leg's own status
    /// callback then closes the session's audit.
    /// </summary>
    public async Task CustomerLeftAsync(string customerCallSid, CancellationToken ct)
    {
        var legs = await db.SupervisionSessions
            .Where(s => s.EndedAt == null && s.CallSid != null
                && db.CallAttempts.Any(a => a.Id == s.AttemptId && a.CallSid == customerCallSid))
            .Select(s => s.CallSid!).ToListAsync(ct);
        foreach (var leg in legs)
        {
            try
            {
                await CallResource.UpdateAsync(
                    new UpdateCallOptions(leg) { Status = CallResource.UpdateStatusEnum.Completed }, clients.Create());
            }
            catch (TwilioException e)
            {
                log.LogInformation("Supervisor leg {CallSid} not ended (already gone?): {Error}", leg, e.Message);
            }
        }
    }

    /// <summary>
    /// The customer left the room with their call still up, after a conversation: the agent wraps up.
    /// </summary>
    public async Task TalkEndedAsync(Guid attemptId, int talkedSeconds, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await updates.ApplyAsync(attemptId, async (a, unit, ct) =>
        {
            var changed = a.AgentConnected(now.AddSeconds(-talkedSeconds));
            var moved = a.AgentId is { } id && await unit.LockAgentAsync(id, ct) is { } agent
                && agent.TalkEnded(a.Id, now) && unit.Record(agent).Count > 0;
            return changed || moved;
        }, ct);
    }

    /// <summary>
    /// The customer never reached their agent: the reserved agent is freed (or waits for their line), and the message
    /// is owed to the customer.
    /// </summary>
    /// <returns>the message's TwiML when the customer is still there to hear it, else null; and the customer's call
    /// </returns>
    public async Task<(VoiceResponse? Message, string? CustomerCallSid)> NotConnectedAsync(Guid attemptId,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        VoiceResponse? message = null;
        var attempt = await updates.ApplyAsync(attemptId, async (a, unit, ct) =>
        {
            if (a.BridgedAt is not null) return false;
            var before = a.MessageStartedAt;
            a.AgentMissed(now);
            var moved = a.AgentId is { } id && await unit.LockAgentAsync(id, ct) is { } agent
                && agent.RoomEmpty(a.Id, now) && unit.Record(agent).Count > 0;
            if (!a.IsFinal) message = await SafeHarbourAsync(a.CampaignId, a.Id, ct);
            return before != a.MessageStartedAt || moved;
        }, ct);
        return (attempt is null ? null : message, attempt?.CallSid);
    }

    /// <summary>As <see cref="NotConnectedAsync"/>, then the customer's call is redirected to the message.</summary>
    public async Task SafeHarbourAsync(Guid attemptId, CancellationToken ct)
    {
        var (message, customer) = await NotConnectedAsync(attemptId, ct);
        if (message is not null && customer is not null) await RedirectAsync(attemptId, customer, message, ct);
    }

    async Task RedirectToMessageAsync(CallAttempt attempt, CancellationToken ct)
    {
        if (attempt.CallSid is { } customer)
            await RedirectAsync(attempt.Id, customer, await SafeHarbourAsync(attempt.CampaignId, attempt.Id, ct), ct);
    }

    async Task RedirectAsync(Guid attemptId, string customerCallSid, VoiceResponse message, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            await CallResource.UpdateAsync(
                new UpdateCallOptions(customerCallSid)
                {
                    Twiml = new Twilio.Types.Twiml(message.ToString())
                }, clients.Create());
        }
        catch (TwilioException e)
        {
            log.LogInformation("Safe-harbour redirect of attempt {AttemptId} not done (the customer hung up?): {Error}",
                attemptId, e.Message);
        }
    }

    async Task HoldCustomerAsync(Agent agent, Guid attemptId, bool hold, CancellationToken ct)
    {
        var call = await db.CallAttempts.AsNoTracking().Where(a => a.Id == attemptId)
            .Select(a => new { a.CallSid, a.ConferenceSid, a.EndedAt }).FirstOrDefaultAsync(ct);
        if (call is not { CallSid: { } customer, EndedAt: null }
            || (call.ConferenceSid ?? agent.RoomSid) is not { } room)
            return;
        try
        {
            await ParticipantResource.UpdateAsync(new UpdateParticipantOptions(room, customer)
            {
                Hold = hold,
                HoldUrl = hold ? new Uri(WebhookRoutes.HoldMusicUrl(twilio.Value.PublicWebhookBaseUrl)) : null,
                HoldMethod = hold ? Twilio.Http.HttpMethod.Post : null,
            }, clients.Create());
        }
        catch (TwilioException e)
        {
            log.LogInformation(
                "Hold ({Hold}) of attempt {AttemptId}'s customer not done: {Error}", hold, attemptId, e.Message);
        }
    }

    async Task<VoiceResponse> SafeHarbourAsync(Guid campaignId, Guid attemptId, CancellationToken ct)
    {
        var hooks = twilio.Value.PublicWebhookBaseUrl;
        return CampaignSpeech.SafeHarbour(await campaigns.GetAsync(campaignId, ct), hooks, attemptId,
            await audio.UrlAsync(campaignId, AudioMessage.SafeHarbour, hooks, ct));
    }
}
