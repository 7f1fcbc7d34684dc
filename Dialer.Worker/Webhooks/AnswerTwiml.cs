using Dialer.Core.Campaigns;
using Dialer.Core.Dialing;
using Dialer.Core.Figures;
using Dialer.Core.Pacing;
using Dialer.ServiceDefaults.Twilio;
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
    public static VoiceResponse Machine(CampaignSettings settings, Uri? recording = null)
    {
        var response = new VoiceResponse();
        if (settings.MachineHandling == MachineHandling.VoicemailDrop && settings.VoicemailMessage is { } message)
            response.SayAs(settings, message, recording);
        return response.Hangup();
    }

    /// <summary>An agentless call's message; the customer may press the opt-out key while it plays.</summary>
    public static VoiceResponse Broadcast(CampaignSettings settings, string hooks, Guid attemptId,
        Uri? recording = null) =>
        new VoiceResponse().SayWithOptOut(settings, settings.BroadcastMessage ?? settings.SafeHarbourMessage, hooks,
            attemptId, recording).Hangup();
}
