using Dialer.Core.Campaigns;

namespace Dialer.Core.Transfers;

/// <summary>
/// ColdNumber, ColdAgent: the customer goes to a number or to another agent and this agent is done. Warm: the agent
/// consults a third party while the customer holds, then joins them all (three-way) or hands over. ThreeWay: the third
/// party joins the agent and the customer at once.
/// </summary>
public enum TransferKind { ColdNumber, ColdAgent, Warm, ThreeWay }

/// <summary>
/// Consulting: the agent talks with the third party, the customer on hold. Joined: all three talk. HandedOver: the
/// customer and the third party talk without the agent (or, to an agent, the customer is on their way to them).
/// Completed, Failed (the third party was never reached), Canceled (the agent ended the consult): over.
/// </summary>
public enum TransferState { Consulting, Joined, HandedOver, Completed, Failed, Canceled }

/// <summary>What the customer needs once the third party's call has ended.</summary>
public enum CustomerAfterThirdParty { Nothing, OffHold, TellAndHangUp }

/// <summary>
/// One transfer of an attempt's customer, recorded on the attempt: who moved them, where, and how it ended.
/// </summary>
public sealed class CallTransfer
{
    public const int MaxErrorLength = 300;

    public Guid Id { get; set; }
    public Guid AttemptId { get; set; }
    public Guid CampaignId { get; set; }
    public Guid FromAgentId { get; set; }
    public TransferKind Kind { get; set; }
    /// <summary>The third party's number (E.164) for a transfer to a number; null for a transfer to an agent.</summary>
    public string? ToNumber { get; set; }
    public Guid? ToAgentId { get; set; }
    /// <summary>The third party's call, once Twilio placed it.</summary>
    public string? ThirdPartyCallSid { get; set; }
    public TransferState State { get; set; }
    public DateTimeOffset At { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? Error { get; set; }

    public static CallTransfer Start(Guid attemptId, Guid campaignId, Guid fromAgentId, TransferKind kind,
        string? toNumber, Guid? toAgentId, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now), AttemptId = attemptId, CampaignId = campaignId, FromAgentId = fromAgentId,
            Kind = kind,
            ToNumber = toNumber, ToAgentId = toAgentId, At = now,
            State = kind switch
            {
                TransferKind.Warm => TransferState.Consulting,
                TransferKind.ThreeWay => TransferState.Joined,
                _ => TransferState.HandedOver,
            },
        };

    /// <summary>The third party is still in the call (or, to an agent, the customer still on their way).</summary>
    public bool IsOpen => State is TransferState.Consulting or TransferState.Joined or TransferState.HandedOver;

    /// <summary>
    /// The third party is in the agent's room: the agent completes or cancels this before any other transfer.
    /// </summary>
    public bool InAgentsRoom => State is TransferState.Consulting or TransferState.Joined;

    /// <summary>Warm: the customer comes off hold and all three talk.</summary>
    public Refusal? TryJoin() => State switch
    {
        TransferState.Consulting => Moved(TransferState.Joined),
        TransferState.Joined => new Refusal("The customer and the third party already talk with you."),
        _ => Over(),
    };

    /// <summary>The customer and the third party go on without the agent.</summary>
    public Refusal? TryHandOver() => InAgentsRoom ? Moved(TransferState.HandedOver) : Over();

    /// <summary>
    /// The agent drops the third party: a consult is canceled, a three-way call is over for the third party.
    /// </summary>
    public Refusal? TryCancel(DateTimeOffset now) => State switch
    {
        TransferState.Consulting => Ended(TransferState.Canceled, now),
        TransferState.Joined => Ended(TransferState.Completed, now),
        _ => Over(),
    };

    /// <summary>
    /// Twilio took the customer's move to the agent they were transferred to (no third-party call to follow).
    /// </summary>
    public bool PutThrough(DateTimeOffset now) => Kind == TransferKind.ColdAgent && State == TransferState.HandedOver
        && Ended(TransferState.Completed, now) is null;

    /// <summary>Twilio placed the third party's call.</summary>
    public void Placed(string callSid) => ThirdPartyCallSid ??= callSid;

    /// <summary>
    /// The third party's call ended: after a conversation the transfer is complete, without one it failed. A customer
    /// held for the consult comes off hold; a customer handed to a third party who never answered is told so.
    /// </summary>
    public CustomerAfterThirdParty ThirdPartyEnded(bool answered, string status, DateTimeOffset now)
    {
        if (!IsOpen || Kind == TransferKind.ColdAgent) return CustomerAfterThirdParty.Nothing;
        var before = State;
        End(answered ? TransferState.Completed : TransferState.Failed, now, answered ? null
            : $"the third party's call ended {status} before answering");
        return before switch
        {
            TransferState.Consulting => CustomerAfterThirdParty.OffHold,
            TransferState.HandedOver when !answered => CustomerAfterThirdParty.TellAndHangUp,
            _ => CustomerAfterThirdParty.Nothing,
        };
    }

    /// <summary>Twilio did not carry out the transfer: nothing moved, and it is over.</summary>
    public void Fail(string error, DateTimeOffset now) => End(TransferState.Failed, now, error);

    void End(TransferState state, DateTimeOffset now, string? error = null)
    {
        State = state;
        EndedAt ??= now;
        if (error is not null) Error = error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
    }

    Refusal? Moved(TransferState to)
    {
        State = to;
        return null;
    }

    Refusal? Ended(TransferState to, DateTimeOffset now)
    {
        End(to, now);
        return null;
    }

    Refusal Over() => new($"The transfer is over ({State}).");
}
