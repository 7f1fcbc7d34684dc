namespace Dialer.Contracts;

/// <summary>
/// An agent moved (Offline, Available, Reserved, OnCall, WrapUp, Break); Reason says why, AttemptId the call involved.
/// </summary>
public sealed record AgentStateChanged(
    Guid AgentId, string From, string To, string Reason, Guid? AttemptId, DateTimeOffset At);

/// <summary>
/// An answered call was given to an agent: the answer TwiML puts the customer in the agent's room. The agent's
/// console shows the contact (screen pop) from this.
/// </summary>
public sealed record CallBridgedToAgent(
    Guid AttemptId, Guid CampaignId, Guid AgentId, long ContactId, DateTimeOffset At);

/// <summary>The agent set the call's disposition (Converted: it is one of the campaign's conversions).</summary>
public sealed record CallDispositioned(Guid AttemptId, Guid CampaignId, Guid AgentId, string Disposition,
    bool Converted, DateTimeOffset At);

/// <summary>
/// Open the agent's line: the Worker calls the agent into their room. RequestId makes a repeated message one call.
/// </summary>
public sealed record ConnectAgentLine(Guid AgentId, Guid RequestId);

/// <summary>Hang up the agent's line: they closed it or logged out.</summary>
public sealed record HangUpAgentLine(Guid AgentId, string CallSid);

/// <summary>The agent's line moved: Connecting, Open or Dropped (Reason says why it dropped).</summary>
public sealed record AgentLineChanged(Guid AgentId, string State, string? Reason, DateTimeOffset At);
