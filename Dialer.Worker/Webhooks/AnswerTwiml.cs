using Dialer.Core.Campaigns;
using Dialer.Core.Dialing;
using Twilio.TwiML;

namespace Dialer.Worker.Webhooks;

/// <summary>What an answered call hears, by who answered and what the campaign wants.</summary>
public static class AnswerTwiml
{
    public static VoiceResponse For(CampaignSettings settings, string? answeredBy)
    {
        var response = new VoiceResponse();
        if (TwilioStatus.IsMachine(answeredBy))
        {
            if (settings.MachineHandling == MachineHandling.VoicemailDrop && settings.VoicemailMessage is { } message)
                response.Say(message);
            if (settings.MachineHandling != MachineHandling.ConnectAnyway) return response.Hangup();
        }
        // until agents take the calls, a person hears the campaign's message
        response.Say(settings.BroadcastMessage ?? settings.SafeHarbourMessage);
        return response.Hangup();
    }
}
