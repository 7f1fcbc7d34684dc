using Dialer.Core.Campaigns;

namespace Dialer.Core.Supervision;

/// <summary>
/// The audit of one supervisor's time in one call: who, which call and agent, when, and every mode they were in.
/// The supervisor's leg is a participant of its own; nothing here touches the call's attempt or the abandon ledger.
/// </summary>
public sealed class SupervisionSession
{
    readonly List<SupervisionModeChange> _modes = [];

    public Guid Id { get; set; }
    public Guid AgentId { get; set; }
    public Guid AttemptId { get; set; }
    public Guid CampaignId { get; set; }
    public Guid SupervisorUserId { get; set; }
    public string SupervisorName { get; set; } = "";
    /// <summary>The supervisor's endpoint: a Twilio Client identity (client:NAME) or an E.164 number.</summary>
    public string To { get; set; } = "";
    public string ConferenceSid { get; set; } = "";
    /// <summary>The supervisor's leg, once Twilio created it.</summary>
    public string? CallSid { get; set; }
    public SupervisionMode Mode { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? EndReason { get; set; }
    public IReadOnlyList<SupervisionModeChange> Modes => _modes;

    public static SupervisionSession Start(Guid agentId, Guid attemptId, Guid campaignId, Guid supervisorUserId,
        string supervisorName, string to, string conferenceSid, SupervisionMode mode, DateTimeOffset now)
    {
        var session = new SupervisionSession
        {
            Id = Guid.CreateVersion7(now), AgentId = agentId, AttemptId = attemptId, CampaignId = campaignId,
            SupervisorUserId = supervisorUserId,
            SupervisorName = supervisorName, To = to, ConferenceSid = conferenceSid, Mode = mode, StartedAt = now,
        };
        session._modes.Add(new SupervisionModeChange { SessionId = session.Id, Mode = mode, At = now });
        return session;
    }

    public bool IsLive => EndedAt is null;

    public Refusal? TrySwitch(SupervisionMode mode, DateTimeOffset now)
    {
        if (!IsLive) return new Refusal("This supervision has ended.");
        if (mode == Mode) return null;
        Mode = mode;
        _modes.Add(new SupervisionModeChange { SessionId = Id, Mode = mode, At = now });
        return null;
    }

    public bool End(string reason, DateTimeOffset now)
    {
        if (!IsLive) return false;
        EndedAt = now;
        EndReason = reason;
        return true;
    }
}

public sealed class SupervisionModeChange
{
    public long Id { get; set; }
    public Guid SessionId { get; set; }
    public SupervisionMode Mode { get; set; }
    public DateTimeOffset At { get; set; }
}
