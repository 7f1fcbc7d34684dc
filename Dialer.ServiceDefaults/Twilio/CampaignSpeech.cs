using Dialer.Core.Campaigns;
using Dialer.Core.Campaigns.Speech;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace Dialer.ServiceDefaults.Twilio;

/// <summary>
/// Every campaign message the customer hears, in the campaign's language and voice, or its recording when the
/// marketer uploaded one (<paramref name="recording"/>, a signed URL from <see cref="CampaignAudioLinks"/>: a
/// <c>&lt;Play&gt;</c> in place of the <c>&lt;Say&gt;</c>); the safe-harbour and agentless messages inside a one-key
/// Gather, so that the opt-out key works while the message plays (it starts at once: the Gather waits only after it).
/// </summary>
public static class CampaignSpeech
{
    /// <summary>How long, after the message, a key is still heard before the call ends.</summary>
    public const int OptOutWaitSeconds = 3;

    public static VoiceResponse SayAs(this VoiceResponse response, CampaignSettings settings, string text,
        Uri? recording = null) =>
        response.Append(Words(settings, text, recording));

    /// <param name="hooks">the Worker's address as Twilio reaches it</param>
    public static VoiceResponse SayWithOptOut(this VoiceResponse response, CampaignSettings settings, string text,
        string hooks, Guid attemptId, Uri? recording = null)
    {
        var gather = new Gather(input: [Gather.InputEnum.Dtmf], numDigits: 1, timeout: OptOutWaitSeconds,
            action: new Uri(WebhookRoutes.OptOutUrl(hooks, attemptId)), method: global::Twilio.Http.HttpMethod.Post);
        return response.Append(gather.Append(Words(settings, text, recording)));
    }

    /// <summary>No agent for the customer: who called, a number to call back, the opt-out key; then goodbye.</summary>
    public static VoiceResponse SafeHarbour(CampaignSettings settings, string hooks, Guid attemptId,
        Uri? recording = null) =>
        new VoiceResponse().SayWithOptOut(settings, settings.SafeHarbourMessage, hooks, attemptId, recording).Hangup();

    static TwiML Words(CampaignSettings settings, string text, Uri? recording) => recording is not null
        ? new Play(recording)
        : new Say(SpokenText.Of(settings, text), voice: Voices.VoiceOf(settings), language: settings.Language);
}
