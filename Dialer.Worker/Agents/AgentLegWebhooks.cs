using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Twilio.TwiML;

namespace Dialer.Worker.Agents;

/// <summary>What Twilio tells us about the agent's leg of a call: its status callbacks, and the customer's Dial ending.</summary>
public static class AgentLegWebhooks
{
    public static RouteGroupBuilder MapAgentLegWebhooks(this RouteGroupBuilder group)
    {
        group.MapPost("/agent-leg/{attemptId:guid}", AgentLeg);
        group.MapPost("/dial-ended/{attemptId:guid}", DialEnded);
        return group;
    }

    /// <summary>
    /// The agent participant's status callback. "canceled" is left alone: Twilio cancels a leg still ringing when the
    /// room ends, which means the customer hung up, and the customer's own status callback frees the agent.
    /// </summary>
    static async Task<IResult> AgentLeg(Guid attemptId, HttpRequest request, AgentLegOutcomes outcomes, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var talked = int.TryParse(form["CallDuration"], out var seconds) ? seconds : 0;
        switch (form["CallStatus"].ToString())
        {
            case "in-progress" or "answered":
                await outcomes.AnsweredAsync(attemptId, form["CallSid"].ToString() is { Length: > 0 } sid ? sid : null, ct);
                break;
            case "no-answer" or "busy" or "failed":
                await outcomes.MissedAsync(attemptId, ct);
                break;
            case "completed":
                await outcomes.TalkEndedAsync(attemptId, talked, ct);
                break;
        }
        return Results.NoContent();
    }

    /// <summary>
    /// The customer's Dial action: the room ended with the customer still on the line. After a conversation the agent
    /// wraps up and the call ends; without one (the room ended before any agent was in it), the customer hears the
    /// safe-harbour message after all.
    /// </summary>
    static async Task<IResult> DialEnded(Guid attemptId, HttpRequest request, AgentLegOutcomes outcomes, DialerDb db, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var talked = int.TryParse(form["DialCallDuration"], out var seconds) ? seconds : 0;
        var bridged = form["DialBridged"] == "true" || (form["DialCallStatus"] == "completed" && form["DialBridged"].Count == 0)
            || await db.CallAttempts.AnyAsync(a => a.Id == attemptId && a.BridgedAt != null, ct);
        var response = new VoiceResponse();
        if (bridged) await outcomes.TalkEndedAsync(attemptId, talked, ct);
        else if ((await outcomes.NotAnsweredAsync(attemptId, ct)).Message is { } message) response.Say(message);
        return Results.Content(response.Hangup().ToString(), "application/xml");
    }
}
