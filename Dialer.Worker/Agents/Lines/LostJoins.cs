using Dialer.Core.Agents.Lines;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Worker.Dialing;
using Microsoft.EntityFrameworkCore;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Rest.Api.V2010.Account.Conference;

namespace Dialer.Worker.Agents.Lines;

/// <summary>
/// A customer put into their agent's room whose join event reached no Worker (the only one was down as Twilio sent
/// it, and Twilio does not send it twice): the attempt still shows the agent reserved and nobody bridged, so the
/// abandon rule would count a call the agent took, and the healer would free the agent for another customer while they
/// talk to this one. The reconciler asks the agent's room: a customer found in it is bridged as the event would have
/// done, at the moment Twilio recorded (a whole second, rounded up: the rule errs towards abandoned).
/// </summary>
public static class LostJoins
{
    /// <summary>Answered this long ago and still not in the room as far as we know: the join event is taken for lost.
    /// </summary>
    public static readonly TimeSpan After = TimeSpan.FromSeconds(5);

    /// <param name="after">answered at least this long ago (<see cref="After"/>; none as a Worker starts: every
    /// join of the time it was down is lost, and must be found before the call's state is adopted and judged)</param>
    public static async Task RecoverAsync(IServiceProvider services, DateTimeOffset now, TimeSpan after, ILogger log,
        CancellationToken ct)
    {
        var waiting = await services.GetRequiredService<DialerDb>().CallAttempts.AsNoTracking()
            .Where(a => a.State == AttemptState.InProgress && a.LiveAnswer && a.AgentId != null && a.CallSid != null
                && a.BridgedAt == null && a.MessageStartedAt == null && a.AnsweredAt <= now - after)
            .OrderBy(a => a.AnsweredAt).Select(a => new { a.Id, AgentId = a.AgentId!.Value, CallSid = a.CallSid! })
            .Take(100).ToListAsync(ct);
        if (waiting.Count == 0) return;
        var twilio = services.GetRequiredService<TwilioClients>().Create();
        var bridges = services.GetRequiredService<BridgeOutcomes>();
        foreach (var attempt in waiting)
        {
            try
            {
                if (await InRoomAsync(twilio, attempt.AgentId, attempt.CallSid) is not var (room, joinedAt)) continue;
                log.LogWarning("Attempt {AttemptId}: its customer joined agent {AgentId}'s room at {JoinedAt} and the "
                    + "event never came; bridged from Twilio's record", attempt.Id, attempt.AgentId, joinedAt);
                await bridges.CustomerJoinedAsync(attempt.AgentId, attempt.CallSid, room, AgentRoom.CustomerLabel,
                    joinedAt, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Attempt {AttemptId}: its agent's room could not be asked this round", attempt.Id);
            }
        }
    }

    /// <returns>the room the customer's call is in and when it joined; null when it is in none</returns>
    static async Task<(string Room, DateTimeOffset JoinedAt)?> InRoomAsync(ITwilioRestClient twilio, Guid agentId,
        string callSid)
    {
        var rooms = await ConferenceResource.ReadAsync(friendlyName: AgentRoom.NameOf(agentId),
            status: ConferenceResource.StatusEnum.InProgress, limit: 5, client: twilio);
        foreach (var room in rooms)
        {
            try
            {
                var customer = await ParticipantResource.FetchAsync(room.Sid, callSid, client: twilio);
                if (customer.DateCreated is not { } created) continue;
                var joined = new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc));
                return (room.Sid, joined.AddTicks(-(joined.Ticks % TimeSpan.TicksPerSecond)).AddSeconds(1));
            }
            catch (ApiException e) when (e.Code == 20404) { }
        }
        return null;
    }
}
