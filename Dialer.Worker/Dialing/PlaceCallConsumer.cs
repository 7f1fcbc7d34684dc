using Dialer.Contracts;
using Dialer.Core.Compliance;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Core.Figures;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Worker.Dialing;

/// <summary>Dials one attempt, at most once, whatever RabbitMQ redelivers.</summary>
public sealed class PlaceCallConsumer(DialerDb db, TwilioDialer twilio, AttemptUpdates updates, TimeProvider clock, ILogger<PlaceCallConsumer> log)
    : IConsumer<PlaceCall>
{
    public async Task Consume(ConsumeContext<PlaceCall> context)
    {
        var ct = context.CancellationToken;
        var id = context.Message.AttemptId;
        var now = clock.GetUtcNow();

        // The claim commits before the call exists: of two deliveries of one attempt, only one moves it out of Created.
        var claimed = await db.CallAttempts.Where(a => a.Id == id && a.State == AttemptState.Created)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.State, AttemptState.Dialing).SetProperty(a => a.DialedAt, now), ct);
        if (claimed == 0)
        {
            // Another delivery got here first, or a worker died mid-dial: an attempt left in Dialing may or may
            // not have become a call, so the reconciler settles it from Twilio's side; it is never dialed twice.
            log.LogInformation("Attempt {AttemptId} already taken; delivery ignored", id);
            return;
        }

        var attempt = await db.CallAttempts.AsNoTracking().SingleAsync(a => a.Id == id, ct);
        var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == attempt.ContactId, ct);
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == attempt.CampaignId, ct);
        var onList = await db.DoNotCall.AnyAsync(DoNotCallMatch.Binds(contact.Phone, campaign.Id), ct);

        if (DialPermit.BeforeDial(campaign, contact, onList, now) is { } refusal)
        {
            log.LogInformation("Attempt {AttemptId} not dialed: {Refusal}", id, refusal);
            await updates.ApplyAsync(id, a => a.RefusedAtDial(refusal, now), ct);
            return;
        }

        var result = await twilio.PlaceAsync(attempt, contact, campaign.Settings, ct);
        var at = clock.GetUtcNow();
        switch (result)
        {
            case DialResult.Placed placed:
                await updates.ApplyAsync(id, a => { a.Placed(placed.CallSid, TwilioStatus.ToState(placed.Status) ?? AttemptState.Queued, at); return true; }, ct);
                break;
            case DialResult.Rejected rejected:
                await updates.ApplyAsync(id, a => a.End(AttemptState.Failed, "rejected", at, $"{rejected.Code}: {rejected.Message}"), ct);
                break;
            case DialResult.Unknown unknown:
                await updates.ApplyAsync(id, a => { a.MarkUnknown(unknown.Reason); return true; }, ct);
                break;
            case DialResult.NotSent notSent:
                await updates.ApplyAsync(id, a => { a.ReturnToQueue(notSent.Reason); return true; }, ct);
                throw new TwilioUnavailableException(notSent.Reason); // MassTransit retries the message later
        }
    }
}

public sealed class TwilioUnavailableException(string reason) : Exception(reason);
