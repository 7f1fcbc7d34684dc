namespace Dialer.Core.Transfers;

/// <summary>
/// Cold: the customer goes to a number or to another agent and this agent is done. Warm: the agent consults a third
/// party while the customer holds, then joins them all (three-way) or hands over. ThreeWay: the third party joins at once.
/// </summary>
public enum TransferKind { ColdNumber, ColdAgent, Warm, ThreeWay }

public enum TransferState { Consulting, Joined, HandedOver, Completed, Failed, Canceled }

/// <summary>One transfer of an attempt's customer, recorded on the attempt: who moved them, where, and how it ended.</summary>
public sealed class CallTransfer
{
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

    public static CallTransfer Start(Guid attemptId, Guid campaignId, Guid fromAgentId, TransferKind kind, string? toNumber, Guid? toAgentId,
        DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), AttemptId = attemptId, CampaignId = campaignId, FromAgentId = fromAgentId, Kind = kind,
        ToNumber = toNumber, ToAgentId = toAgentId, At = now,
        State = kind == TransferKind.Warm ? TransferState.Consulting : kind == TransferKind.ThreeWay ? TransferState.Joined : TransferState.Completed,
    };

    public bool IsOpen => State is TransferState.Consulting or TransferState.Joined;

    public void End(TransferState state, DateTimeOffset now, string? error = null)
    {
        State = state;
        EndedAt ??= now;
        Error = error ?? Error;
    }
}
