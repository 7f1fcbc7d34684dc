using Dialer.Core.Changes;
using Dialer.Core.Compliance;
using Dialer.Core.Data;
using Dialer.ServiceDefaults.Twilio;
using Microsoft.EntityFrameworkCore;
using Twilio.TwiML;

namespace Dialer.Worker.Webhooks;

/// <summary>
/// The Gather around the safe-harbour and agentless messages: the campaign's opt-out key puts the number on the
/// do-not-call list (the scope an agent's do-not-call disposition has) and the customer hears it is done; any other
/// key ends the call.
/// </summary>
public static class OptOutWebhook
{
    public static RouteGroupBuilder MapOptOutWebhook(this RouteGroupBuilder group)
    {
        group.MapPost(WebhookRoutes.OptOut, OptOut);
        return group;
    }

    static async Task<IResult> OptOut(Guid attemptId, HttpRequest request, DialerDb db, StateChanges changes,
        CampaignSettingsCache campaigns, ILogger<OptOutLog> log, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var call = await db.CallAttempts.AsNoTracking().Where(a => a.Id == attemptId)
            .Select(a => new { a.CampaignId, a.ContactId }).SingleOrDefaultAsync(ct);
        if (call is null) return Twiml(new VoiceResponse().Hangup());
        var settings = await campaigns.GetAsync(call.CampaignId, ct);
        if (form["Digits"].ToString() != settings.OptOutDigit) return Twiml(new VoiceResponse().Hangup());

        await changes.RunAsync(async (unit, token) =>
        {
            if (await unit.LockContactAsync(call.ContactId, token) is not { } contact) return;
            Guid? list = settings.DoNotCallDispositionIsGlobal ? null : call.CampaignId;
            await CustomerOptOut.ApplyAsync(unit.Db, contact, list, $"opt-out key on attempt {attemptId}",
                "customer", DoNotCallSources.KeyPress, unit.Now, token);
        }, ct);
        log.LogInformation("Attempt {AttemptId}: the customer pressed the opt-out key; the number is on the "
            + "do-not-call list", attemptId);
        return Twiml(new VoiceResponse().SayAs(settings, settings.OptOutConfirmation).Hangup());
    }

    static IResult Twiml(VoiceResponse response) => Results.Content(response.ToString(), "application/xml");

    public sealed class OptOutLog;
}
