using Dialer.Core.CallerIds;
using Dialer.Core.Campaigns;
using Dialer.Core.Changes;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.ServiceDefaults.Twilio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace Dialer.Worker.CallerIds;

/// <summary>
/// Every caller ID's voice URL: a customer who calls a number back hears who called them (the campaign's callback
/// message, in its language and voice) and may press the campaign's opt-out key to go on the do-not-call list. The
/// campaign is the last one that called this customer from this number, else the last one that called anyone from it.
/// </summary>
public static class CallbackLineWebhook
{
    public static RouteGroupBuilder MapCallbackLineWebhook(this RouteGroupBuilder group)
    {
        group.MapPost(WebhookRoutes.CallbackLine, Answer);
        group.MapPost(WebhookRoutes.CallbackLineKey, Key);
        return group;
    }

    static async Task<IResult> Answer(HttpRequest request, DialerDb db, IOptions<TwilioOptions> twilio,
        ILogger<CallbackLineLog> log, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var (caller, number) = (form["From"].ToString(), form["To"].ToString());
        var campaign = await CampaignOfAsync(db, caller, number, ct);
        log.LogInformation("Callback line: {Caller} called {CallerId} back (campaign {CampaignId})",
            PhoneRedaction.Mask(caller), PhoneRedaction.Mask(number), campaign?.Id);
        var settings = (campaign?.Settings ?? new CampaignSettings()) with { CallerId = Shown(number) };
        var message = new Say(Core.Campaigns.Speech.SpokenText.Of(settings, settings.CallerIds.CallbackMessage),
            voice: Core.Campaigns.Speech.Voices.VoiceOf(settings), language: settings.Language);
        var response = new VoiceResponse();
        if (campaign is null || !Phones.IsE164(caller)) return Twiml(response.Append(message).Hangup());
        var gather = new Gather(input: [Gather.InputEnum.Dtmf], numDigits: 1, timeout: CampaignSpeech.OptOutWaitSeconds,
            action: new Uri(WebhookRoutes.CallbackLineKeyUrl(twilio.Value.PublicWebhookBaseUrl, campaign.Id)),
            method: global::Twilio.Http.HttpMethod.Post);
        return Twiml(response.Append(gather.Append(message)).Hangup());
    }

    static async Task<IResult> Key(Guid campaignId, HttpRequest request, DialerDb db, StateChanges changes,
        ILogger<CallbackLineLog> log, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var caller = form["From"].ToString();
        var settings = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => c.Settings)
            .SingleOrDefaultAsync(ct);
        if (settings is null || !Phones.IsE164(caller) || form["Digits"].ToString() != settings.OptOutDigit)
            return Twiml(new VoiceResponse().Hangup());

        Guid? list = settings.DoNotCallDispositionIsGlobal ? null : campaignId;
        await changes.RunAsync(async (unit, token) =>
        {
            var contactId = await unit.Db.Contacts.Where(c => c.CampaignId == campaignId && c.Phone == caller)
                .Select(c => (long?)c.Id).FirstOrDefaultAsync(token);
            if (contactId is { } id && await unit.LockContactAsync(id, token) is { } contact)
                await CustomerOptOut.ApplyAsync(unit.Db, contact, list, "opt-out key on the callback line", "customer",
                    DoNotCallSources.CallbackLine, unit.Now, token);
            else // not one of the campaign's contacts: the number goes on the list all the same, once
                await unit.Db.Database.ExecuteSqlAsync($"""
                    INSERT INTO do_not_call (phone, campaign_id, reason, added_at, added_by, source)
                    VALUES ({caller}, {list}, 'opt-out key on the callback line', {unit.Now}, 'customer',
                            {DoNotCallSources.CallbackLine})
                    ON CONFLICT DO NOTHING
                    """, token);
        }, ct);
        log.LogInformation("Callback line: {Caller} pressed the opt-out key (campaign {CampaignId}); the number is on "
            + "the do-not-call list", PhoneRedaction.Mask(caller), campaignId);
        return Twiml(new VoiceResponse().SayAs(settings, settings.OptOutConfirmation).Hangup());
    }

    static async Task<Campaign?> CampaignOfAsync(DialerDb db, string caller, string number, CancellationToken ct)
    {
        if (!Phones.IsE164(number)) return null;
        var fromNumber = db.CallAttempts.AsNoTracking().Where(a => a.CallerId == number);
        var id = await fromNumber.Where(a => db.Contacts.Any(c => c.Id == a.ContactId && c.Phone == caller))
                .OrderByDescending(a => a.CreatedAt).Select(a => (Guid?)a.CampaignId).FirstOrDefaultAsync(ct)
            ?? await fromNumber.OrderByDescending(a => a.CreatedAt).Select(a => (Guid?)a.CampaignId)
                .FirstOrDefaultAsync(ct);
        return id is null ? null : await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
    }

    static string Shown(string number) => Phones.IsE164(number) ? number : "";

    static IResult Twiml(VoiceResponse response) => Results.Content(response.ToString(), "application/xml");

    public sealed class CallbackLineLog;
}
