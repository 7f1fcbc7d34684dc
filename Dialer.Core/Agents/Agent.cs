using Dialer.Core.Campaigns;

namespace Dialer.Core.Agents;

/// <summary>
/// An agent and their state. Every move goes through <see cref="Move"/>, which notes it for the
/// agent_state_changes table; <see cref="Changes.StateChange.Record"/> writes and publishes what was noted.
/// The one move
/// that is not made here is the reservation, which must be a single SQL statement (see AgentRouter).
/// </summary>
public sealed partial class Agent
{
    readonly List<AgentStateChange> _moves = [];

    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The Twilio Client identity the agent's browser phone registers as.</summary>
    public string ClientIdentity { get; set; } = "";
    /// <summary>The agent's user's team (kept equal to it): whose managers see and supervise the agent.</summary>
    public Guid TeamId { get; set; } = Teams.Team.DefaultId;
    public AgentState State { get; set; }
    public DateTimeOffset StateSince { get; set; }
    public string? BreakReason { get; set; }
    public Guid[] CampaignIds { get; set; } = [];
    public Guid? CurrentAttemptId { get; set; }
    /// <summary>
    /// When the agent's last console connection dropped; null while one is connected (or none ever was).
    /// </summary>
    public DateTimeOffset? ConsoleDisconnectedAt { get; set; }
    /// <summary>
    /// A manager's logout that waits for the agent's call to be wrapped up; null when none is pending.
    /// </summary>
    public DateTimeOffset? LogoutRequestedAt { get; set; }
    public string? LogoutRequestedBy { get; set; }
    public string? LogoutReason { get; set; }
    public uint Version { get; set; }

    public IReadOnlyList<AgentStateChange> TakeMoves()
    {
        var moves = _moves.ToList();
        _moves.Clear();
        return moves;
    }

    public Refusal? TryLogIn(Guid[] campaignIds, DateTimeOffset now)
    {
        if (campaignIds.Length == 0) return new Refusal("Choose at least one campaign.");
        CampaignIds = [.. campaignIds.Distinct()];
        if (State is AgentState.Offline or AgentState.Break) Move(AgentState.Available, "logged in", now);
        return null;
    }

    public Refusal? TryGoAvailable(DateTimeOffset now) => State switch
    {
        AgentState.Available => null,
        AgentState.Break when !HasOpenLine => new Refusal("Connect your line first."),
        AgentState.Break => Moved(AgentState.Available, "back from break", now),
        AgentState.Offline => new Refusal("Log in to a campaign first."),
        AgentState.WrapUp => new Refusal("Set the call's disposition first."),
        _ => new Refusal($"The agent is {State} with a call."),
    };

    public Refusal? TryBreak(string reason, DateTimeOffset now)
    {
        if (State is not (AgentState.Available or AgentState.Break))
            return new Refusal(State == AgentState.Offline ? "Log in first."
                : $"Finish the call first: the agent is {State}.");
        BreakReason = reason;
        if (State == AgentState.Available) Move(AgentState.Break, "break: " + reason, now);
        return null;
    }

    public Refusal? TryLogOut(DateTimeOffset now)
    {
        if (State is AgentState.Reserved or AgentState.OnCall)
            return new Refusal($"Finish the call first: the agent is {State}.");
        if (State == AgentState.WrapUp) return new Refusal("Set the call's disposition first.");
        if (State != AgentState.Offline) Move(AgentState.Offline, "logged out", now);
        return null;
    }

    /// <summary>
    /// A manager logs the agent out: at once when no customer is on the line, otherwise as soon as the call is
    /// wrapped up (never cutting a customer off). Returns whether it happened now.
    /// </summary>
    public bool RequestLogout(string by, string? reason, DateTimeOffset now)
    {
        if (State is AgentState.Reserved or AgentState.OnCall or AgentState.WrapUp)
        {
            (LogoutRequestedAt, LogoutRequestedBy, LogoutReason) = (now, by, reason);
            return false;
        }
        (LogoutRequestedAt, LogoutRequestedBy, LogoutReason) = (null, null, null);
        Move(AgentState.Offline, LoggedOutBy(by, reason), now, by);
        return true;
    }

    static string LoggedOutBy(string by, string? reason) =>
        $"logged out by {by}" + (string.IsNullOrWhiteSpace(reason) ? "" : ": " + reason);

    /// <summary>The customer joined the agent's room: they are talking.</summary>
    public bool Connected(Guid attemptId, DateTimeOffset now) =>
        State == AgentState.Reserved && CurrentAttemptId == attemptId
            && Moved(AgentState.OnCall, "customer joined the agent's room", now) is null;

    /// <summary>The customer left the agent's room after they talked: wrap-up begins.</summary>
    public bool TalkEnded(Guid attemptId, DateTimeOffset now) =>
        State is AgentState.Reserved or AgentState.OnCall && CurrentAttemptId == attemptId
            && Moved(AgentState.WrapUp, "customer left the room", now) is null;

    /// <summary>
    /// The customer's call ended: wrap-up when the agent talked to them, free again when they never did.
    /// </summary>
    public bool CallEnded(Guid attemptId, DateTimeOffset now)
    {
        if (CurrentAttemptId != attemptId) return false;
        if (State == AgentState.OnCall) Move(AgentState.WrapUp, "call ended", now);
        else if (State == AgentState.Reserved)
        {
            Move(AgentState.Available, "customer hung up before the agent answered", now);
            CurrentAttemptId = null;
        }
        else return false;
        return true;
    }

    /// <summary>
    /// The customer reserved for this agent never reached them (the line dropped, the room could not be joined): the
    /// agent is free again, or, without an open line, waits for it on a break.
    /// </summary>
    public bool RoomEmpty(Guid attemptId, DateTimeOffset now)
    {
        if (State != AgentState.Reserved || CurrentAttemptId != attemptId) return false;
        Move(AgentState.Available, "the customer never reached the agent's room", now);
        CurrentAttemptId = null;
        return true;
    }

    /// <summary>The disposition is in (or the wrap-up ran out): ready for the next call.</summary>
    public bool FinishWrapUp(Guid attemptId, string reason, DateTimeOffset now)
    {
        if (State != AgentState.WrapUp || CurrentAttemptId != attemptId) return false;
        Move(AgentState.Available, reason, now);
        CurrentAttemptId = null;
        return true;
    }

    /// <summary>The self-healing: a state that the calls no longer explain is put right, saying why.</summary>
    public void Heal(AgentState to, string reason, DateTimeOffset now)
    {
        Move(to, reason, now);
        if (to is AgentState.Available or AgentState.Offline) CurrentAttemptId = null;
    }

    Refusal? Moved(AgentState to, string reason, DateTimeOffset now)
    {
        Move(to, reason, now);
        return null;
    }

    void Move(AgentState to, string reason, DateTimeOffset now, string? by = null)
    {
        // a pending logout takes effect the moment the agent would be free for another customer
        if (LogoutRequestedAt is not null && to is AgentState.Available or AgentState.Break)
        {
            (to, reason, by) = (AgentState.Offline, $"{reason}; then {LoggedOutBy(LogoutRequestedBy!, LogoutReason)}",
                LogoutRequestedBy);
        }
        if (to == AgentState.Offline) (LogoutRequestedAt, LogoutRequestedBy, LogoutReason) = (null, null, null);
        // the one rule routing trusts: Available means a customer can be put in the agent's room now
        var waitsForLine = to == AgentState.Available && !HasOpenLine;
        if (waitsForLine) (to, reason) = (AgentState.Break, $"{reason}; {LineBreakReason}");
        if (to == State) return;
        _moves.Add(new AgentStateChange
        {
            AgentId = Id, From = State, To = to, Reason = reason, AttemptId = CurrentAttemptId, At = now,
            ChangedBy = by
        });
        if (to != AgentState.Break) BreakReason = null;
        if (waitsForLine) BreakReason = LineBreakReason;
        if (to == AgentState.Offline) CampaignIds = [];
        State = to;
        StateSince = now;
    }
}
