using System.Security.Claims;
using Dialer.Api.Agents.Lines;
using Dialer.Api.Hosting;
using Dialer.Contracts;
using Dialer.Core.Agents;
using Dialer.Core.Campaigns;
using Dialer.Core.Changes;
using Dialer.Core.Compliance;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Core.Figures;
using Dialer.Core.Transfers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Twilio.Exceptions;

namespace Dialer.Api.Agents.Transfers;

/// <summary>
/// The agent transfers their own current call: cold (to a number or another agent of the campaign), warm (consult while
/// the customer holds, then join or hand over) or three-way. The agent's line never leaves their room: a customer
/// handed over leaves it instead, for the transfer's own room or the other agent's. Every transfer is a row of
/// call_transfers.
/// </summary>
public static class TransferApi
{
    public sealed record TransferTarget(Guid Id, string Name);

    static readonly Refusal Busy = new("A transfer of this call is under way: complete or cancel it first.");

    public static RouteGroupBuilder MapTransferApi(this RouteGroupBuilder agentGroup)
    {
        agentGroup.MapGet("/calls/{attemptId:guid}/transfer-targets", Targets);
        agentGroup.MapPost("/calls/{attemptId:guid}/transfers", Start);
        agentGroup.MapPost("/calls/{attemptId:guid}/transfers/{transferId:guid}/complete", Complete);
        agentGroup.MapDelete("/calls/{attemptId:guid}/transfers/{transferId:guid}", Cancel);
        return agentGroup;
    }

    /// <summary>The campaign's other agents who could take the customer now.</summary>
    static async Task<IResult> Targets(Guid attemptId, ClaimsPrincipal user, DialerDb db, CancellationToken ct)
    {
        var (call, refusal) = await OwnCalls.FindAsync(attemptId, user, db, ct);
        if (refusal is not null) return refusal;
        var agents = await db.Agents.AsNoTracking().Routable(call!.CampaignId).Where(a => a.Id != call.AgentId)
            .OrderBy(a => a.Name).Take(200).Select(a => new TransferTarget(a.Id, a.Name)).ToListAsync(ct);
        return TypedResults.Ok(agents);
    }

    static async Task<IResult> Start(Guid attemptId, TransferRequest request, ClaimsPrincipal user, DialerDb db,
        TransferTwilio twilio, StateChanges changes, TimeProvider clock, ILoggerFactory logs, CancellationToken ct)
    {
        if (TransferRequests.Read(request, out var errors) is not { } wanted)
            return TypedResults.ValidationProblem(errors);
        var (call, refusal) = await OwnCalls.FindAsync(attemptId, user, db, ct);
        if (refusal is not null) return refusal;
        if (wanted.Number is { } number
            && await db.DoNotCall.AnyAsync(DoNotCallMatch.Binds(number, call!.CampaignId), ct))
            return Invalid("to.number", "This number is on the do-not-call list.");
        if (wanted.AgentId is { } target
            && !await db.Agents.AnyAsync(a => a.Id == target && a.Id != call!.AgentId
            && a.CampaignIds.Contains(call.CampaignId), ct))
            return Invalid("to.agentId", "Choose another agent of this call's campaign.");
        var settings = await db.Campaigns.Where(c => c.Id == call!.CampaignId).Select(c => c.Settings).SingleAsync(ct);
        var log = logs.CreateLogger(typeof(TransferApi));
        return wanted.Kind switch
        {
            TransferKind.ColdAgent =>
                await ToAgentAsync(call!, wanted.AgentId!.Value, settings, db, twilio, changes, clock.GetUtcNow(), ct),
            TransferKind.ColdNumber =>
                await ToNumberAsync(call!, wanted.Number!, settings, db, twilio, changes, clock, log, ct),
            _ => await ConsultAsync(call!, wanted, settings, db, twilio, changes, clock, log, ct),
        };
    }

    /// <summary>
    /// The other agent is reserved as an answer would reserve them, and the customer moved to their room, with the rows
    /// locked throughout: the customer's join there waits for this commit, and a refusal by Twilio undoes the
    /// reservation.
    /// </summary>
    static async Task<IResult> ToAgentAsync(OwnCall call, Guid target, CampaignSettings settings, DialerDb db,
        TransferTwilio twilio, StateChanges changes, DateTimeOffset now, CancellationToken ct)
    {
        var transfer = CallTransfer.Start(
            call.AttemptId, call.CampaignId, call.AgentId, TransferKind.ColdAgent, null, target, now);
        TwilioException? failed = null;
        var result = await changes.RunAsync(async (unit, token) =>
        {
            var attempt = (await unit.LockAttemptAsync(call.AttemptId, token))!;
            if (await StillOwnAsync(db, attempt, call, token) is { } refusal) return Refused(unit, refusal);
            if (await AgentRouter.ReserveAsync(db, call.CampaignId, attempt.Id, settings.MinReadySeconds, now, token,
                    only: target, reason: "call transferred") is null)
                return Refused(unit,
                    new Refusal("That agent cannot take the call now: they are not Available with their line open."));
            attempt.TransferredTo(target);
            var me = (await unit.LockAgentAsync(call.AgentId, token))!;
            me.HandedOff(attempt.Id, now);
            try
            {
                await twilio.MoveCustomerToAgentAsync(call.CustomerCallSid, target, attempt.Id);
            }
            catch (TwilioException e)
            {
                failed = e;
                unit.Discard();
                return null;
            }
            transfer.PutThrough(now);
            db.CallTransfers.Add(transfer);
            unit.Record(me);
            unit.Publish(new AgentStateChanged(target, nameof(AgentState.Available), nameof(AgentState.Reserved),
                "call transferred", attempt.Id, now));
            unit.Publish(new CallBridgedToAgent(attempt.Id, attempt.CampaignId, target, attempt.ContactId, now));
            return Accepted(transfer);
        }, ct);
        return failed is not null ? await FailedAsync(db, transfer, failed, now, ct) : result!;
    }

    static IResult Refused(StateChange unit, Refusal refusal)
    {
        unit.Discard();
        return Problems.Conflict(refusal);
    }

    /// <summary>
    /// The third party is called into the transfer's own room and the customer moved there (music until the third party
    /// answers); the agent wraps up and their room is free for the next customer.
    /// </summary>
    static async Task<IResult> ToNumberAsync(OwnCall call, string number, CampaignSettings settings, DialerDb db,
        TransferTwilio twilio, StateChanges changes, TimeProvider clock, ILogger log, CancellationToken ct)
    {
        var (transfer, refused) = await RecordAsync(changes, call, TransferKind.ColdNumber, number, ct);
        if (refused is not null) return Problems.Conflict(refused);
        string? thirdParty = null;
        try
        {
            thirdParty = await twilio.AddThirdPartyAsync(TransferRoom.NameOf(transfer.Id), number, settings.CallerId,
                transfer.Id, endsRoom: true);
            await twilio.MoveCustomerAsync(call.CustomerCallSid, transfer.Id);
        }
        catch (TwilioException e)
        {
            if (thirdParty is not null) await twilio.HangUpAsync(thirdParty);
            return await FailedAsync(db, transfer, e, clock.GetUtcNow(), ct);
        }
        log.LogInformation("Attempt {AttemptId} handed over to {Number} (transfer {TransferId})", call.AttemptId,
            Core.Contacts.PhoneRedaction.Mask(number), transfer.Id);

        return await changes.RunAsync(async (unit, token) =>
        {
            var saved = (await unit.LockTransferAsync(call.AttemptId, transfer.Id, token))!;
            saved.Placed(thirdParty);
            var me = (await unit.LockAgentAsync(call.AgentId, token))!;
            me.HandedOver(call.AttemptId, unit.Now);
            unit.Record(me);
            return Accepted(saved);
        }, ct);
    }

    /// <summary>
    /// Warm (the customer holds while the agent consults) or three-way (all three at once): the third party joins the
    /// agent's room.
    /// </summary>
    static async Task<IResult> ConsultAsync(OwnCall call, WantedTransfer wanted, CampaignSettings settings, DialerDb db,
        TransferTwilio twilio, StateChanges changes, TimeProvider clock, ILogger log, CancellationToken ct)
    {
        var (transfer, refused) = await RecordAsync(changes, call, wanted.Kind, wanted.Number, ct);
        if (refused is not null) return Problems.Conflict(refused);
        var warm = wanted.Kind == TransferKind.Warm;
        string thirdParty;
        try
        {
            if (warm) await twilio.HoldAsync(call.Room, call.CustomerCallSid, hold: true);
            thirdParty = await twilio.AddThirdPartyAsync(
                call.Room, wanted.Number!, settings.CallerId, transfer.Id, endsRoom: false);
        }
        catch (TwilioException e)
        {
            if (warm) await OffHoldQuietlyAsync(twilio, call, log);
            return await FailedAsync(db, transfer, e, clock.GetUtcNow(), ct);
        }
        log.LogInformation("Attempt {AttemptId}: {Kind} transfer {TransferId} calls {Number}", call.AttemptId,
            wanted.Kind, transfer.Id, Core.Contacts.PhoneRedaction.Mask(wanted.Number!));
        var saved = await ChangeTransferAsync(changes, call.AttemptId, transfer.Id, t => t.Placed(thirdParty), ct);
        return Accepted(saved!);
    }

    static async Task<IResult> Complete(Guid attemptId, Guid transferId, CompleteTransferRequest request,
        ClaimsPrincipal user, DialerDb db, TransferTwilio twilio, StateChanges changes, CancellationToken ct)
    {
        if (TransferRequests.Joins(request) is not { } join) return Invalid("action", "One of join, handOver.");
        var (call, refusal) = await OwnCalls.FindAsync(attemptId, user, db, ct);
        if (refusal is not null) return refusal;
        return await changes.RunAsync((unit, token) => CompleteAsync(unit, call!, transferId, join, twilio, token), ct);
    }

    static async Task<IResult> CompleteAsync(StateChange unit, OwnCall call, Guid transferId, bool join,
        TransferTwilio twilio, CancellationToken ct)
    {
        var attemptId = call.AttemptId;
        if (await unit.LockTransferAsync(attemptId, transferId, ct) is not { } transfer)
            return Nothing(unit, TypedResults.NotFound());
        if ((join ? transfer.TryJoin() : transfer.TryHandOver()) is { } conflict)
            return Nothing(unit, Problems.Conflict(conflict));
        if (!join && transfer.ThirdPartyCallSid is null)
            return Nothing(unit, Problems.Conflict(new Refusal("The third party has not been called yet.")));
        var failed = await OwnCalls.TwilioAsync(async () =>
        {
            if (join)
            {
                await twilio.HoldAsync(call!.Room, call.CustomerCallSid, hold: false);
                return TypedResults.NoContent();
            }
            await twilio.MoveThirdPartyAsync(transfer.ThirdPartyCallSid!, transfer.Id);
            try
            {
                await twilio.MoveCustomerAsync(call!.CustomerCallSid, transfer.Id);
            }
            catch (ApiException e) when (OwnCalls.IsGone(e))
            {
                await twilio.HangUpAsync(transfer.ThirdPartyCallSid!); // nobody left for them to talk to
                throw;
            }
            return TypedResults.NoContent();
        });
        if (failed is not NoContent) return Nothing(unit, failed);
        if (!join)
        {
            var me = (await unit.LockAgentAsync(call.AgentId, ct))!;
            me.HandedOver(attemptId, unit.Now);
            unit.Record(me);
        }
        return TypedResults.Ok(TransferView.Of(transfer));
    }

    /// <summary>Nothing saved: the answer alone.</summary>
    static IResult Nothing(StateChange unit, IResult result)
    {
        unit.Discard();
        return result;
    }

    /// <summary>
    /// The agent drops the third party: a consult's customer comes off hold; a three-way call goes on as two. Twilio is
    /// asked under the transfer's lock; should the database make the change run again, both requests bear repeating.
    /// </summary>
    static async Task<IResult> Cancel(Guid attemptId, Guid transferId, ClaimsPrincipal user, DialerDb db,
        TransferTwilio twilio, StateChanges changes, CancellationToken ct)
    {
        var (call, refusal) = await OwnCalls.FindAsync(attemptId, user, db, ct);
        if (refusal is not null) return refusal;
        return await changes.RunAsync(async (unit, token) =>
        {
            if (await unit.LockTransferAsync(attemptId, transferId, token) is not { } transfer)
                return Nothing(unit, TypedResults.NotFound());
            var consulting = transfer.State == TransferState.Consulting;
            if (transfer.TryCancel(unit.Now) is { } conflict) return Nothing(unit, Problems.Conflict(conflict));
            var failed = await OwnCalls.TwilioAsync(async () =>
            {
                if (transfer.ThirdPartyCallSid is { } thirdParty) await twilio.HangUpAsync(thirdParty);
                if (consulting) await twilio.OffHoldIfThereAsync(call!.Room, call.CustomerCallSid);
                return TypedResults.NoContent();
            });
            return failed is NoContent ? failed : Nothing(unit, failed);
        }, ct);
    }

    /// <summary>
    /// The transfer's row, committed before Twilio is asked, so that the third party's callbacks find it.
    /// </summary>
    static Task<(CallTransfer Transfer, Refusal? Refusal)> RecordAsync(StateChanges changes, OwnCall call,
        TransferKind kind, string? number, CancellationToken ct) =>
        changes.RunAsync(async (unit, token) =>
        {
            var attempt = (await unit.LockAttemptAsync(call.AttemptId, token))!;
            if (await StillOwnAsync(unit.Db, attempt, call, token) is { } refusal)
            {
                unit.Discard();
                return ((CallTransfer)null!, (Refusal?)refusal);
            }
            var transfer = CallTransfer.Start(
                call.AttemptId, call.CampaignId, call.AgentId, kind, number, null, unit.Now);
            unit.Db.CallTransfers.Add(transfer);
            return (transfer, null);
        }, ct);

    /// <summary>Under the attempt's lock: still this agent's live call, with no third party in their room.</summary>
    static async Task<Refusal?> StillOwnAsync(DialerDb db, CallAttempt attempt, OwnCall call, CancellationToken ct)
    {
        if (attempt.AgentId != call.AgentId || attempt.IsFinal) return OwnCalls.CustomerGone;
        var open = await db.CallTransfers.Where(t => t.AttemptId == attempt.Id).Select(t => t.State).ToListAsync(ct);
        return open.Any(s => s is TransferState.Consulting or TransferState.Joined) ? Busy : null;
    }

    static async Task<IResult> FailedAsync(DialerDb db, CallTransfer transfer, TwilioException e, DateTimeOffset now,
        CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var saved = await db.CallTransfers.FindAsync([transfer.Id], ct);
        (saved ?? transfer).Fail(e is ApiException api ? $"Twilio {api.Code}: {api.Message}" : e.Message, now);
        if (saved is null) db.CallTransfers.Add(transfer);
        await db.SaveChangesAsync(ct);
        return e is ApiException gone && OwnCalls.IsGone(gone) ? Problems.Conflict(OwnCalls.CustomerGone)
            : OwnCalls.TwilioFailed(e);
    }

    static async Task OffHoldQuietlyAsync(TransferTwilio twilio, OwnCall call, ILogger log)
    {
        try
        {
            await twilio.OffHoldIfThereAsync(call.Room, call.CustomerCallSid);
        }
        catch (TwilioException e)
        {
            log.LogWarning(
                "The customer of attempt {AttemptId} could not be taken off hold: {Error}", call.AttemptId, e.Message);
        }
    }

    static Task<CallTransfer?> ChangeTransferAsync(StateChanges changes, Guid attemptId, Guid transferId,
        Action<CallTransfer> change, CancellationToken ct) =>
        changes.RunAsync(async (unit, token) =>
        {
            var transfer = await unit.LockTransferAsync(attemptId, transferId, token);
            if (transfer is not null) change(transfer);
            return transfer;
        }, ct);

    static IResult Accepted(CallTransfer transfer) => TypedResults.Accepted((string?)null, TransferView.Of(transfer));

    static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
