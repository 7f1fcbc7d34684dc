namespace Dialer.Contracts;

/// <summary>An agent moved (Offline, Available, Reserved, OnCall, WrapUp, Break); Reason says why, AttemptId the call involved.</summary>
public sealed record AgentStateChanged(Guid AgentId, string From, string To, string Reason, Guid? AttemptId, DateTimeOffset At);

/// <summary>
/// An answered call was given to an agent: the answer TwiML now rings the agent's browser phone. The agent's
/// console shows the contact (screen pop) from this.
/// </summary>
public sealed record CallBridgedToAgent(Guid AttemptId, Guid CampaignId, Guid AgentId, long ContactId, DateTimeOffset At);

/// <summary>The agent set the call's disposition (Converted: it is one of the campaign's conversions).</summary>
public sealed record CallDispositioned(Guid AttemptId, Guid CampaignId, Guid AgentId, string Disposition, bool Converted, DateTimeOffset At);
