using Dialer.Contracts;
using Dialer.Core.Compliance;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Worker.Dialing;

/// <summary>Dials one attempt, at most once, whatever RabbitMQ redelivers.</summary>
public sealed class PlaceCallConsumer(DialerDb db, TwilioDialer twilio, AttemptUpdates updates, DialRefusals refusals,
    DialLead lead, CallerIds.CallerIdPicker callerIds, CallerIds.CallerIdCounts callerIdCounts, AttemptsSeen seen,
    TimeProvider clock, ILogger<PlaceCallConsumer> log)
    : IConsumer<PlaceCall>
{
    public async Task Consume(ConsumeContext<PlaceCall> context)
    {
        var ct = context.CancellationToken;
        var id = context.Message.AttemptId;

        var attempt = await db.CallAttempts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (attempt is not { State: AttemptState.Created })
        {
            // Another delivery got here first, or a worker died mid-dial: an attempt left in Dialing may or may
            // not have become a call, so the reconciler settles it from Twilio's side; it is never dialed twice.
            log.LogInformation("Attempt {AttemptId} already taken; delivery ignored", id);
            return;
        }
        var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == attempt.ContactId, ct);
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == attempt.CampaignId, ct);
        if (await callerIds.ChooseAsync(attempt, contact, campaign, ct) is not { } picked) return;
        var callerId = picked.Number;
        var settings = campaign.Settings with { CallerId = callerId };

        // The claim commits before the call exists, as the request leaves: of two deliveries, only one moves it out
        // of Created; and a dial that waited its turn is judged and stamped at the end of its wait, not at its start.
        var claim = new DialClaim(db, clock, lead, id, callerId);
        DialResult result;
        try
        {
            result = await twilio.PlaceAsync(attempt, contact, settings, claim.LeavingAsync, ct);
        }
        catch (DialWithdrawn withdrawn) when (withdrawn.Refusal is { } refusal)
        {
            log.LogInformation("Attempt {AttemptId} not dialed: {Refusal}", id, refusal);
            await updates.ApplyAsync(id, a => a.RefusedAtDial(refusal, withdrawn.At), ct);
            return;
        }
        catch (DialWithdrawn)
        {
            log.LogInformation("Attempt {AttemptId} taken before its request left; delivery ignored", id);
            return;
        }

        var at = clock.GetUtcNow();
        if (result is DialResult.Placed or DialResult.Unknown && !picked.Counted) callerIdCounts.Call(callerId, at);
        switch (result)
        {
            case DialResult.Placed placed
                when seen.ChangesNothing(id, TwilioStatus.ToState(placed.Status) ?? AttemptState.Queued, true):
                break; // its callbacks overtook the create's answer: they named the call and moved it further
            case DialResult.Placed placed:
                await updates.ApplyAsync(id,
                    a =>
                    {
                        a.Placed(placed.CallSid, TwilioStatus.ToState(placed.Status) ?? AttemptState.Queued, at);
                        return true;
                    }, ct);
                break;
            case DialResult.Rejected rejected:
                await refusals.SettleAsync(attempt, rejected, at, ct);
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
