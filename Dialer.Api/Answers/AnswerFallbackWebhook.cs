using Dialer.ServiceDefaults.Hosting;
using Dialer.Core.Changes;
using Dialer.Core.Figures;
using Dialer.ServiceDefaults.Twilio;
using Microsoft.EntityFrameworkCore;
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
        ILogger<FallbackLog> log, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var machine = MachineVerdict.Is(form["AnsweredBy"].ToString());
        var message = await changes.RunAsync(async (unit, token) =>
        {
            var attempt = await unit.LockAttemptAsync(attemptId, token);
            if (attempt is null || attempt.IsFinal) return null;
            attempt.AnsweredOnFallback(machine, unit.Now);
            return (await unit.Db.Campaigns.AsNoTracking().Where(c => c.Id == attempt.CampaignId)
                .Select(c => c.Settings).SingleAsync(token)).SafeHarbourMessage;
        }, ct);
        if (message is null) return Twiml(new VoiceResponse().Hangup());
        log.LogWarning("Attempt {AttemptId} answered on the fallback URL: the Worker's answer failed", attemptId);
        return Twiml(machine ? new VoiceResponse().Hangup() : new VoiceResponse().Say(message).Hangup());
    }

    static IResult Twiml(VoiceResponse response) => Results.Content(response.ToString(), "application/xml");

    public sealed class FallbackLog;
}
