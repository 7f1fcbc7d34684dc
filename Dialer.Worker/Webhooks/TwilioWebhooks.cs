using Dialer.Core.Dialing;
using Dialer.Core.Dialing.Fallback;
using Dialer.Core.Figures;
using Dialer.ServiceDefaults.Twilio;
using Dialer.Worker.Agents;
using Dialer.Worker.Agents.Lines;
using Dialer.Worker.Agents.Transfers;
using Dialer.Worker.CallerIds;
using Dialer.Worker.Dialing;
using Dialer.Worker.Recordings;
using Dialer.Worker.Supervision;
using Microsoft.Extensions.Options;
using Twilio.TwiML;

namespace Dialer.Worker.Webhooks;

/// <summary>
/// The URLs Twilio calls: the answer URL (TwiML back), status callbacks and asynchronous AMD results.
/// </summary>
public static class TwilioWebhooks
{
    public static RouteGroupBuilder MapTwilioWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(WebhookRoutes.Prefix).AddEndpointFilter<TwilioSignature>().DisableAntiforgery();
        group.MapPost(WebhookRoutes.Answer, Answer);
        // Twilio asks here when the answer URL failed (a Worker died, a timeout): any Worker answers the same way
        group.MapPost(WebhookRoutes.AnswerFallback, Answer);
        group.MapPost(WebhookRoutes.Status, Status);
        group.MapPost(WebhookRoutes.Amd, Amd);
        group.MapDialEndedWebhook();
        group.MapOptOutWebhook();
        group.MapCallbackLineWebhook();
        group.MapAgentLineWebhooks();
        group.MapRecordingWebhooks();
        group.MapSupervisorLegWebhooks();
        group.MapTransferWebhooks();
        return group;
    }

    /// <summary>
    /// The customer's line answered: a person goes to an agent's room (or hears the safe-harbour message), a machine
    /// gets the campaign's choice. Whatever fails here, a person hears the message: never silence.
    /// </summary>
    static async Task<IResult> Answer(Guid attemptId, HttpContext http, AnswerRouting routing,
        UnrecordedAnswers unrecorded, TimeProvider clock, IOptions<TwilioOptions> twilio, ILogger<AnswerRouting> log,
        CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(twilio.Value.AnswerBudgetMilliseconds);
        VoiceResponse twiml;
        try
        {
            twiml = await routing.AnswerAsync(attemptId, NullIfEmpty(form["AnsweredBy"]), NullIfEmpty(form["CallSid"]),
                budget.Token);
        }
        // the database down, a bug, or the budget spent on retries: only Twilio giving up on us is not worth answering
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // recorded once the database takes it, so the abandon rate sees the outage's answers too
            unrecorded.Remember(new FallbackAnswer(attemptId, NullIfEmpty(form["CallSid"]),
                MachineVerdict.Is(NullIfEmpty(form["AnsweredBy"])), clock.GetUtcNow()));
            log.LogError(
                e, "The answer of attempt {AttemptId} failed; the customer hears the fallback message", attemptId);
            return Twiml(new VoiceResponse().Say(twilio.Value.FallbackMessage).Hangup());
        }
        return Twiml(twiml);
    }

    static async Task<IResult> Status(Guid attemptId, HttpRequest request, AttemptUpdates updates, AttemptsSeen seen,
        TimeProvider clock, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var state = TwilioStatus.ToState(form["CallStatus"]);
        if (state is null) return Results.NoContent();
        var sequence = int.TryParse(form["SequenceNumber"], out var n) ? n : (int?)null;
        var duration = int.TryParse(form["CallDuration"], out var d) ? d : (int?)null;
        var sid = NullIfEmpty(form["CallSid"]);
        var answeredBy = NullIfEmpty(form["AnsweredBy"]);
        var now = clock.GetUtcNow();
        if (seen.ChangesNothing(attemptId, state.Value, sid is not null)) return Results.NoContent();

        await updates.ApplyAsync(attemptId, a =>
        {
            var adopted = a.AdoptCall(sid);
            if (answeredBy is not null) a.AnsweredBy ??= answeredBy;
            if (duration is not null && state.Value.IsFinal()) a.DurationSeconds = duration;
            return a.Advance(state.Value, now, sequence) || adopted;
        }, ct);
        return Results.NoContent();
    }

    /// <summary>A late machine verdict is recorded, never acted on against a live call.</summary>
    static async Task<IResult> Amd(Guid attemptId, HttpRequest request, AttemptUpdates updates, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var answeredBy = NullIfEmpty(form["AnsweredBy"]);
        if (answeredBy is not null)
            await updates.ApplyAsync(attemptId,
                a => { var changed = a.AnsweredBy != answeredBy; a.AnsweredBy = answeredBy; return changed; }, ct);
        return Results.NoContent();
    }

    static IResult Twiml(VoiceResponse response) => Results.Content(response.ToString(), "application/xml");

    static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues v) =>
        string.IsNullOrEmpty(v) ? null : v.ToString();
}
