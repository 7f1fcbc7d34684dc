using Dialer.Core.Changes;
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
        IOptions<TwilioOptions> twilio, ILogger<FallbackLog> log, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var machine = MachineVerdict.Is(form["AnsweredBy"].ToString());
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(twilio.Value.AnswerBudgetMilliseconds);
        string? message;
        try
        {
            message = await RecordAsync(attemptId, form["CallSid"].ToString(), machine, changes, budget.Token);
        }
        // the last chance to be heard: whatever failed (the database down too), the customer hears something
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogError(e, "Attempt {AttemptId} (call {CallSid}) answered on the fallback URL and not recorded: the "
                + "customer hears the fallback message; the reconciler settles the call", attemptId,
                form["CallSid"].ToString());
            return Twiml(machine ? new VoiceResponse().Hangup()
                : new VoiceResponse().Say(twilio.Value.FallbackMessage).Hangup());
        }
        if (message is null) return Twiml(new VoiceResponse().Hangup());
        log.LogWarning("Attempt {AttemptId} answered on the fallback URL: the Worker's answer failed", attemptId);
        return Twiml(machine ? new VoiceResponse().Hangup() : new VoiceResponse().Say(message).Hangup());
    }

    /// <summary>The live answer nobody was there for, and the campaign's message; null when the call is over.</summary>
    static Task<string?> RecordAsync(Guid attemptId, string callSid, bool machine, StateChanges changes,
        CancellationToken ct) =>
        changes.RunAsync(async (unit, token) =>
        {
            var attempt = await unit.LockAttemptAsync(attemptId, token);
            if (attempt is null || attempt.IsFinal) return null;
            // a Worker killed before it saved the create's answer: this is the first the engine hears of the call
            attempt.AdoptCall(callSid);
            attempt.AnsweredOnFallback(machine, unit.Now);
            // a Worker that reserved an agent and died before Twilio heard its answer: nobody will join that room
            if (attempt.AgentId is { } agentId && await unit.LockAgentAsync(agentId, token) is { } agent
                && agent.RoomEmpty(attempt.Id, unit.Now))
                unit.Record(agent);
            return (await unit.Db.Campaigns.AsNoTracking().Where(c => c.Id == attempt.CampaignId)
                .Select(c => c.Settings).SingleAsync(token)).SafeHarbourMessage;
        }, ct);

    static IResult Twiml(VoiceResponse response) => Results.Content(response.ToString(), "application/xml");

    public sealed class FallbackLog;
}
