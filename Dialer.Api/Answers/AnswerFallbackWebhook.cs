using Dialer.Core.Campaigns;
using Dialer.Core.Campaigns.Audio;
using Dialer.Core.Changes;
using Dialer.Core.Data;
using Dialer.Core.Dialing.Fallback;
using Dialer.Core.Figures;
using Dialer.ServiceDefaults.Hosting;
using Dialer.ServiceDefaults.Twilio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Twilio.TwiML;

namespace Dialer.Api.Answers;

/// <summary>
/// Where Twilio asks when the Worker's answer URL failed (the Worker died, it timed out, it answered 5xx). The Api is
/// another process, so a customer who answered hears the campaign's safe-harbour message even with every Worker down:
/// never silence. The call counts as a live answer nobody was there for, as the abandon rule requires.
/// </summary>
public static class AnswerFallbackWebhook
{
    public static IEndpointRouteBuilder MapAnswerFallbackWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(WebhookRoutes.Prefix + WebhookRoutes.AnswerFallback, AnswerAsync)
            .AddEndpointFilter<TwilioSignature>().DisableAntiforgery()
            .AllowAnonymousBecause("Twilio's webhook: its signature (checked by the filter) is the credential")
            .ExcludeFromDescription();
        return app;
    }

    static async Task<IResult> AnswerAsync(Guid attemptId, HttpRequest request, StateChanges changes,
        UnrecordedAnswers unrecorded, TimeProvider clock, IOptions<TwilioOptions> twilio, DialerDb db,
        CampaignAudioLinks audio, ILogger<FallbackLog> log, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var machine = MachineVerdict.Is(form["AnsweredBy"].ToString());
        var answer = new FallbackAnswer(attemptId, form["CallSid"].ToString(), machine, clock.GetUtcNow());
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(twilio.Value.AnswerBudgetMilliseconds);
        CampaignSettings? settings;
        try
        {
            settings = await answer.RecordAsync(changes, budget.Token);
        }
        // the last chance to be heard: whatever failed (the database down too), the customer hears something
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            unrecorded.Remember(answer);
            log.LogError(e, "Attempt {AttemptId} answered on the fallback URL and not recorded yet: the customer hears "
                + "the fallback message; the answer is recorded once the database is back", attemptId);
            return Twiml(machine ? new VoiceResponse().Hangup()
                : new VoiceResponse().Say(twilio.Value.FallbackMessage).Hangup());
        }
        if (settings is null) return Twiml(new VoiceResponse().Hangup());
        log.LogWarning("Attempt {AttemptId} answered on the fallback URL: the Worker's answer failed", attemptId);
        if (machine) return Twiml(new VoiceResponse().Hangup());
        // the recording is served by this process too: the Workers may all be down
        var own = twilio.Value.FallbackWebhookBaseUrl ?? twilio.Value.PublicWebhookBaseUrl;
        var recording = await RecordingAsync(db, audio, attemptId, own, log, budget.Token);
        return Twiml(CampaignSpeech.SafeHarbour(settings, twilio.Value.PublicWebhookBaseUrl, attemptId, recording));
    }

    /// <summary>The campaign's recorded safe-harbour message, or null to speak it: the words, whatever fails here.
    /// </summary>
    static async Task<Uri?> RecordingAsync(DialerDb db, CampaignAudioLinks audio, Guid attemptId, string hooks,
        ILogger log, CancellationToken ct)
    {
        try
        {
            var campaignId = await db.CallAttempts.AsNoTracking().Where(a => a.Id == attemptId)
                .Select(a => a.CampaignId).SingleAsync(ct);
            return await audio.UrlAsync(campaignId, AudioMessage.SafeHarbour, hooks, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Attempt {AttemptId}: the recorded message not found, its words are spoken", attemptId);
            return null;
        }
    }

    static IResult Twiml(VoiceResponse response) => Results.Content(response.ToString(), "application/xml");

    public sealed class FallbackLog;
}
