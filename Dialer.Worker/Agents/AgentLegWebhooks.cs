using Dialer.Core.Agents;
using Dialer.Core.Data;
using Dialer.Worker.Dialing;
using Dialer.Worker.Webhooks;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Twilio.TwiML;

namespace Dialer.Worker.Agents;

/// <summary>What Twilio tells us about the agent's leg of a bridged call: when it answered, and how the Dial ended.</summary>
public static class AgentLegWebhooks
{
    public static RouteGroupBuilder MapAgentLegWebhooks(this RouteGroupBuilder group)
    {
        group.MapPost("/agent-leg/{attemptId:guid}", AgentLeg);
        group.MapPost("/dial-ended/{attemptId:guid}", DialEnded);
        return group;
    }

    /// <summary>The Client noun's status callback: "in-progress" is the moment the agent and the customer hear each other.</summary>
    static async Task<IResult> AgentLeg(Guid attemptId, HttpRequest request, AttemptUpdates updates, DialerDb db, IPublishEndpoint bus,
        TimeProvider clock, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        if (form["CallStatus"].ToString() is not ("in-progress" or "answered")) return Results.NoContent();
        var now = clock.GetUtcNow();
        var moves = new List<AgentStateChange>();
        await updates.ApplyAsync(attemptId, async (a, ct) =>
        {
            var connected = a.AgentConnected(now);
            if (a.AgentId is { } id && await AgentLocks.ForUpdateAsync(db, id, ct) is { } agent && agent.Connected(a.Id, now)) moves.AddRange(Note(db, agent));
            return connected || moves.Count > 0;
        }, ct);
        await AgentSaves.PublishAsync(bus, moves, ct);
        return Results.NoContent();
    }

    /// <summary>
    /// The Dial's action: the agent's leg is over. Bridged: the agent talked and now wraps up, and the customer's
    /// call ends. Not bridged: the agent's phone rang out, so the customer hears the safe-harbour message after all.
    /// </summary>
    static async Task<IResult> DialEnded(Guid attemptId, HttpRequest request, AttemptUpdates updates, DialerDb db, IPublishEndpoint bus,
        TimeProvider clock, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var bridged = form["DialBridged"] == "true" || (form["DialCallStatus"] == "completed" && form["DialBridged"].Count == 0);
        var talked = int.TryParse(form["DialCallDuration"], out var seconds) ? seconds : 0;
        var now = clock.GetUtcNow();
        var moves = new List<AgentStateChange>();
        string? safeHarbour = null;

        var attempt = await updates.ApplyAsync(attemptId, async (a, ct) =>
        {
            var changed = bridged ? a.AgentConnected(now.AddSeconds(-talked)) : MissedBy(a, now);
            var agent = a.AgentId is { } id ? await AgentLocks.ForUpdateAsync(db, id, ct) : null;
            if (agent is not null && (bridged ? agent.TalkEnded(a.Id, now) : agent.MissedCall(a.Id, now))) moves.AddRange(Note(db, agent));
            if (!bridged && !a.IsFinal)
                // the whole document: a member of it would be read as a JSON path, in the CLR's casing, and come back null
                safeHarbour = (await db.Campaigns.Where(c => c.Id == a.CampaignId).Select(c => c.Settings).SingleAsync(ct)).SafeHarbourMessage;
            return changed || moves.Count > 0;
        }, ct);
        await AgentSaves.PublishAsync(bus, moves, ct);

        var response = new VoiceResponse();
        if (attempt is not null && safeHarbour is not null) response.Say(safeHarbour);
        return Results.Content(response.Hangup().ToString(), "application/xml");
    }

    static bool MissedBy(Dialer.Core.Dialing.CallAttempt a, DateTimeOffset now)
    {
        var before = a.MessageStartedAt;
        a.AgentMissed(now);
        return before != a.MessageStartedAt;
    }

    static IReadOnlyList<AgentStateChange> Note(DialerDb db, Agent agent)
    {
        var moves = agent.TakeMoves();
        db.AgentStateChanges.AddRange(moves);
        return moves;
    }
}
