using Dialer.Core.Agents;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Worker.Dialing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.TwiML;
using Twilio.Types;

namespace Dialer.Worker.Agents;

/// <summary>What becomes of the agent's leg of a call, whoever tells us (its status callback, the customer's Dial action, a failed create).</summary>
public sealed class AgentLegOutcomes(AttemptUpdates updates, DialerDb db, IPublishEndpoint bus, TwilioClients clients, TimeProvider clock,
    ILogger<AgentLegOutcomes> log)
{
    public async Task PlacedAsync(Guid attemptId, string? conferenceSid, string agentCallSid, CancellationToken ct) =>
        await updates.ApplyAsync(attemptId, a => a.AgentLegPlaced(conferenceSid, agentCallSid), ct);

    /// <summary>The agent picked up: the customer and the agent hear each other from now (the abandon ledger's moment).</summary>
    public async Task AnsweredAsync(Guid attemptId, string? agentCallSid, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var moves = new List<AgentStateChange>();
        await updates.ApplyAsync(attemptId, async (a, ct) =>
        {
            var changed = a.AgentConnected(now) | (agentCallSid is not null && a.AgentLegPlaced(a.ConferenceSid, agentCallSid));
            if (a.AgentId is { } id && await AgentLocks.ForUpdateAsync(db, id, ct) is { } agent && agent.Connected(a.Id, now)) moves.AddRange(Note(agent));
            return changed || moves.Count > 0;
        }, ct);
        await AgentSaves.PublishAsync(bus, moves, ct);
    }

    /// <summary>The agent talked and their leg is over: wrap-up begins. <paramref name="talkedSeconds"/> dates the bridge if its moment was missed.</summary>
    public async Task TalkEndedAsync(Guid attemptId, int talkedSeconds, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var moves = new List<AgentStateChange>();
        await updates.ApplyAsync(attemptId, async (a, ct) =>
        {
            var changed = a.AgentConnected(now.AddSeconds(-talkedSeconds));
            if (a.AgentId is { } id && await AgentLocks.ForUpdateAsync(db, id, ct) is { } agent && agent.TalkEnded(a.Id, now)) moves.AddRange(Note(agent));
            return changed || moves.Count > 0;
        }, ct);
        await AgentSaves.PublishAsync(bus, moves, ct);
    }

    /// <summary>
    /// The agent's phone rang out (or could not be rung): they go on Break, and the customer, still alone in the room,
    /// hears the safe-harbour message after all.
    /// </summary>
    /// <returns>The message when the customer is still there to hear it, else null.</returns>
    public async Task<(string? Message, string? CustomerCallSid)> NotAnsweredAsync(Guid attemptId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var moves = new List<AgentStateChange>();
        string? message = null;
        var attempt = await updates.ApplyAsync(attemptId, async (a, ct) =>
        {
            if (a.BridgedAt is not null) return false;
            var before = a.MessageStartedAt;
            a.AgentMissed(now);
            if (a.AgentId is { } id && await AgentLocks.ForUpdateAsync(db, id, ct) is { } agent && agent.MissedCall(a.Id, now)) moves.AddRange(Note(agent));
            if (!a.IsFinal)
                // the whole document: a member of it would be read as a JSON path, in the CLR's casing, and come back null
                message = (await db.Campaigns.Where(c => c.Id == a.CampaignId).Select(c => c.Settings).SingleAsync(ct)).SafeHarbourMessage;
            return before != a.MessageStartedAt || moves.Count > 0;
        }, ct);
        await AgentSaves.PublishAsync(bus, moves, ct);
        return (attempt is null ? null : message, attempt?.CallSid);
    }

    /// <summary>As <see cref="NotAnsweredAsync"/>, then the customer's call is redirected out of the room to the message.</summary>
    public async Task MissedAsync(Guid attemptId, CancellationToken ct)
    {
        var (message, customer) = await NotAnsweredAsync(attemptId, ct);
        if (message is null || customer is null) return;
        try
        {
            await CallResource.UpdateAsync(new UpdateCallOptions(customer) { Twiml = new Twiml(new VoiceResponse().Say(message).Hangup().ToString()) },
                clients.Create());
        }
        catch (TwilioException e)
        {
            // the customer hung up meanwhile: there is nobody left to tell
            log.LogInformation("Safe-harbour redirect of attempt {AttemptId} not done: {Error}", attemptId, e.Message);
        }
    }

    IReadOnlyList<AgentStateChange> Note(Agent agent)
    {
        var moves = agent.TakeMoves();
        db.AgentStateChanges.AddRange(moves);
        return moves;
    }
}
