using Dialer.Core.Agents.Lines;
using Dialer.Worker.Dialing;
using Microsoft.Extensions.Options;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace Dialer.Worker.Agents.Lines;

/// <summary>
/// What Twilio tells us about agents' lines and rooms, and the little TwiML documents the console's controls use.
/// </summary>
public static class AgentLineWebhooks
{
    public static RouteGroupBuilder MapAgentLineWebhooks(this RouteGroupBuilder group)
    {
        group.MapPost(WebhookRoutes.AgentLine, LineStatus);
        group.MapPost(WebhookRoutes.Room, RoomEvent);
        group.MapMethods(WebhookRoutes.HoldMusic, ["GET", "POST"], (IOptions<TwilioOptions> o) =>
            Twiml(new VoiceResponse().Play(new Uri(o.Value.HoldMusicUrl), loop: 0)));
        group.MapMethods(WebhookRoutes.Digits, ["GET", "POST"], (string? d) =>
            Dtmf.IsValid(d) ? Twiml(new VoiceResponse().Play(digits: d))
                : Results.Problem(statusCode: 400, title: "d: " + Dtmf.Rule));
        return group;
    }

    /// <summary>The line's call: once it ends (hung up, never answered, refused), the agent leaves routing.</summary>
    static async Task<IResult> LineStatus(Guid agentId, HttpRequest request, BridgeOutcomes bridges,
        CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var status = form["CallStatus"].ToString();
        if (DropReason(status) is { } reason)
            await bridges.LineDroppedAsync(agentId, form["CallSid"].ToString(), reason, ct);
        return Results.NoContent();
    }

    /// <summary>
    /// The room's events: the agent's line joining opens it; a customer joining is the moment they talk.
    /// </summary>
    static async Task<IResult> RoomEvent(Guid agentId, HttpRequest request, BridgeOutcomes bridges,
        CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var (sid, room, label) = (form["CallSid"].ToString(), form["ConferenceSid"].ToString(),
            form["ParticipantLabel"].ToString());
        switch (form["StatusCallbackEvent"].ToString())
        {
            case "participant-join" when label == AgentRoom.AgentLabel:
                await bridges.LineOpenedAsync(agentId, sid, room, ct);
                break;
            case "participant-join" when sid.Length > 0:
                await bridges.CustomerJoinedAsync(agentId, sid, room, label, joinedAt: null, ct);
                break;
            case "participant-leave" when label == AgentRoom.CustomerLabel:
                await bridges.CustomerLeftAsync(sid, ct);
                break;
        }
        return Results.NoContent();
    }

    static string? DropReason(string status) => status switch
    {
        "completed" => "the line was hung up",
        "busy" => "the line was busy",
        "no-answer" => "the line was not answered",
        "failed" => "the line could not be reached",
        "canceled" => "the line was canceled",
        _ => null,
    };

    static IResult Twiml(VoiceResponse response) => Results.Content(response.ToString(), "application/xml");
}
