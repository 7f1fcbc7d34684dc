using Dialer.Core.Campaigns;
using Dialer.Core.Dialing;
using Dialer.Core.Figures;
using Dialer.Core.Pacing;
using Twilio.TwiML;

namespace Dialer.Worker.Webhooks;

public enum AnswerPlan { Machine, Person, Broadcast }

/// <summary>What an answered call hears, by who answered and what the campaign wants.</summary>
public static class AnswerTwiml
{
    /// <summary>
    /// Unknown, absent (no detection, or asynchronous detection still listening) and human all mean a person:
    /// the cautious reading, since a person taken for a machine counts as an abandoned call.
    /// </summary>
    public static AnswerPlan PlanFor(CampaignSettings settings, string? answeredBy) =>
        MachineVerdict.Is(answeredBy) && settings.MachineHandling != MachineHandling.ConnectAnyway ? AnswerPlan.Machine
        : settings.Mode == DialingMode.Agentless ? AnswerPlan.Broadcast
        : AnswerPlan.Person;

    /// <summary>
    /// With DetectMessageEnd Twilio asks for this after the beep, so the message lands whole on the recording.
    /// </summary>
    public static VoiceResponse Machine(CampaignSettings settings)
    {
        var response = new VoiceResponse();
        if (settings.MachineHandling == MachineHandling.VoicemailDrop && settings.VoicemailMessage is { } message)
            response.Say(message);
        return response.Hangup();
    }

    public static VoiceResponse Broadcast(CampaignSettings settings) =>
        new VoiceResponse().Say(settings.BroadcastMessage ?? settings.SafeHarbourMessage).Hangup();

    /// <summary>
    /// No agent is free: who is calling and how to call back, then goodbye. The call counts as abandoned.
    /// </summary>
    public static VoiceResponse SafeHarbour(CampaignSettings settings) =>
        new VoiceResponse().Say(settings.SafeHarbourMessage).Hangup();
}
