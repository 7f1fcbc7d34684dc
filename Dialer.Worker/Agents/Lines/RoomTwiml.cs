using Dialer.Core.Agents.Lines;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace Dialer.Worker.Agents.Lines;

/// <summary>
/// The agent's room in TwiML. The agent's line joins it once, in silence, and stays for the shift; each customer joins
/// it from the answer webhook's own response. Neither ends the room on leaving: the agent stays for the next customer,
/// and a customer whose agent's line dropped waits (on music) for the agent to reconnect instead of being cut off.
/// Every noun names the room's event URL, so Twilio reports joins and leaves whichever participant set it first.
/// </summary>
public static class RoomTwiml
{
    /// <summary>A line lasts a shift; Twilio's default limit for a call and a Dial is four hours.</summary>
    public const int ShiftSeconds = 12 * 3600;

    public static VoiceResponse AgentLine(Guid agentId, string webhookBase)
    {
        var room = Room(agentId, webhookBase, AgentRoom.AgentLabel);
        room.SetOption("waitUrl", ""); // silence while waiting: no hold music in the agent's ear
        return new VoiceResponse().Append(new Dial(timeLimit: ShiftSeconds).Append(room));
    }

    /// <summary>
    /// The customer into the agent's room; the Dial's action says when they left it with their call still up.
    /// </summary>
    public static VoiceResponse Customer(Guid agentId, Guid attemptId, string webhookBase)
    {
        var room = Room(agentId, webhookBase, AgentRoom.CustomerLabel);
        room.SetOption("waitUrl", WebhookRoutes.HoldMusicUrl(webhookBase));
        room.SetOption("waitMethod", "POST");
        var dial = new Dial(action: new Uri(WebhookRoutes.DialEndedUrl(webhookBase, attemptId)),
            method: Twilio.Http.HttpMethod.Post, timeLimit: ShiftSeconds);
        return new VoiceResponse().Append(dial.Append(room));
    }

    public static string EventsUrl(Guid agentId, string webhookBase) => WebhookRoutes.RoomUrl(webhookBase, agentId);

    static Conference Room(Guid agentId, string webhookBase, string label) =>
        new(AgentRoom.NameOf(agentId), beep: Conference.BeepEnum.False, startConferenceOnEnter: true,
            endConferenceOnExit: false, participantLabel: label,
            statusCallback: new Uri(EventsUrl(agentId, webhookBase)), statusCallbackMethod: Twilio.Http.HttpMethod.Post,
            statusCallbackEvent: [Conference.EventEnum.Join, Conference.EventEnum.Leave]);
}
