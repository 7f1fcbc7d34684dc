using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Twilio.TwiML;

namespace Dialer.Worker.Agents.Lines;

/// <summary>The customer's Dial into the agent's room ended with the customer still on the line.</summary>
public static class DialEndedWebhook
{
    public static RouteGroupBuilder MapDialEndedWebhook(this RouteGroupBuilder group)
    {
        group.MapPost(WebhookRoutes.DialEnded, DialEnded);
        return group;
    }

    /// <summary>
    /// After a conversation the agent wraps up and the call ends; without one (the room could not be joined: a Twilio
    /// error, the Dial's limit), the customer hears the safe-harbour message after all.
    /// </summary>
    static async Task<IResult> DialEnded(Guid attemptId, HttpRequest request, BridgeOutcomes outcomes, DialerDb db,
        CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var talked = int.TryParse(form["DialCallDuration"], out var seconds) ? seconds : 0;
        var bridged = await db.CallAttempts.AnyAsync(a => a.Id == attemptId && a.BridgedAt != null, ct);
        var response = new VoiceResponse().Hangup();
        if (bridged) await outcomes.TalkEndedAsync(attemptId, talked, ct);
        else if ((await outcomes.NotConnectedAsync(attemptId, ct)).Message is { } message) response = message;
        return Results.Content(response.ToString(), "application/xml");
    }
}
