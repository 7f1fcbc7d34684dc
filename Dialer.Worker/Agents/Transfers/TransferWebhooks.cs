using Dialer.Core.Changes;
using Dialer.Core.Data;
using Dialer.Core.Transfers;
using Dialer.Worker.Agents.Lines;
using Dialer.Worker.Dialing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Rest.Api.V2010.Account.Conference;
using Twilio.TwiML;

namespace Dialer.Worker.Agents.Transfers;

/// <summary>
/// A transfer's side of Twilio: where its calls go when the Api moves them (the transfer's room, or the other agent's),
/// and the third party's call status, which ends the transfer and sees that the customer is never left on hold or
/// alone.
/// </summary>
public static class TransferWebhooks
{
    public static RouteGroupBuilder MapTransferWebhooks(this RouteGroupBuilder group)
    {
        group.MapPost(WebhookRoutes.TransferCustomer, CustomerAsync);
        // the Api moves the customer while its transaction (and the transfer's row) is still open: the URL says it all
        group.MapPost(WebhookRoutes.TransferToAgent, (Guid agentId, Guid attemptId, IOptions<TwilioOptions> twilio) =>
            Twiml(RoomTwiml.Customer(agentId, attemptId, twilio.Value.PublicWebhookBaseUrl)));
        group.MapPost(WebhookRoutes.TransferThirdParty, (Guid transferId) =>
            Twiml(TransferTwiml.ThirdParty(transferId)));
        group.MapPost(WebhookRoutes.TransferThirdPartyStatus, ThirdPartyStatusAsync);
        return group;
    }

    static async Task<IResult> CustomerAsync(Guid transferId, DialerDb db, IOptions<TwilioOptions> twilio,
        CancellationToken ct)
    {
        var known = await db.CallTransfers.AnyAsync(t => t.Id == transferId, ct);
        return Twiml(known ? TransferTwiml.Customer(transferId, twilio.Value.PublicWebhookBaseUrl)
            : new VoiceResponse().Say(twilio.Value.TransferFailedMessage).Hangup());
    }

    static async Task<IResult> ThirdPartyStatusAsync(Guid transferId, HttpRequest request, DialerDb db,
        StateChanges changes, TwilioClients clients, IOptions<TwilioOptions> twilio, ILogger<CallTransfer> log,
        CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var status = form["CallStatus"].ToString();
        if (status is not ("completed" or "busy" or "no-answer" or "failed" or "canceled")) return Results.NoContent();

        var attemptId = await db.CallTransfers.Where(t => t.Id == transferId).Select(t => (Guid?)t.AttemptId)
            .SingleOrDefaultAsync(ct);
        if (attemptId is null) return Results.NoContent();
        var (transfer, customer) = await changes.RunAsync(async (unit, token) =>
        {
            var transfer = (await unit.LockTransferAsync(attemptId.Value, transferId, token))!;
            transfer.Placed(form["CallSid"].ToString());
            return (transfer, transfer.ThirdPartyEnded(answered: status == "completed", status, unit.Now));
        }, ct);
        log.LogInformation(
            "Transfer {TransferId} of attempt {AttemptId}: the third party's call ended {Status}; transfer {State}",
            transfer.Id, transfer.AttemptId, status, transfer.State);

        var call = await db.CallAttempts.AsNoTracking().Where(a => a.Id == transfer.AttemptId)
            .Select(a => new { a.CallSid, a.ConferenceSid, a.EndedAt }).FirstOrDefaultAsync(ct);
        if (call is not { CallSid: { } sid, EndedAt: null }) return Results.NoContent();
        try
        {
            if (customer == CustomerAfterThirdParty.OffHold && call.ConferenceSid is { } room)
                await ParticipantResource.UpdateAsync(
                    new UpdateParticipantOptions(room, sid) { Hold = false }, clients.Create());
            else if (customer == CustomerAfterThirdParty.TellAndHangUp)
                await CallResource.UpdateAsync(new UpdateCallOptions(sid)
                {
                    Twiml = new Twilio.Types.Twiml(
                        new VoiceResponse().Say(twilio.Value.TransferFailedMessage).Hangup().ToString()),
                }, clients.Create());
        }
        catch (TwilioException e)
        {
            log.LogInformation(
                "The customer of attempt {AttemptId} after transfer {TransferId} not reached (hung up?): {Error}",
                transfer.AttemptId, transfer.Id, e.Message);
        }
        return Results.NoContent();
    }

    static IResult Twiml(VoiceResponse response) => Results.Content(response.ToString(), "application/xml");
}
