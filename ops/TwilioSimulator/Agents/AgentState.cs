namespace Dialer.TwilioSimulator.Agents;

/// <summary>
/// One simulated agent: idle, ringing, talking (a call per customer), "in room" (holding a line: their own
/// conference, where customers come to them) or "dropped" (their line ended; they can be called again).
/// </summary>
sealed class AgentState(string name)
{
    public const string Idle = "idle", Ringing = "ringing", Talking = "talking", InRoom = "in room",
        Dropped = "dropped";

    readonly Lock _gate = new();
    string _state = Idle;
    string? _callSid, _legSid, _room;
    DateTimeOffset? _since;
    int _answered, _missed, _customers;
    bool _ownCall, _line;

    /// <param name="ownCall">true when <paramref name="callSid"/> is the agent's own call (placed to them), false for a
    /// customer's Dial.</param>
    public bool TryRing(string callSid, DateTimeOffset now, bool ownCall)
    {
        lock (_gate)
        {
            if (_state is not (Idle or Dropped)) return false;
            (_state, _callSid, _legSid, _since, _room, _ownCall, _line) =
                (Ringing, callSid, null, now, null, ownCall, false);
            return true;
        }
    }

    public void Answer(string legSid, DateTimeOffset now)
    {
        lock (_gate) (_state, _legSid, _since, _answered) = (Talking, legSid, now, _answered + 1);
    }

    /// <summary>The agent's own call entered a room with no customer in it: from now on it is their line.</summary>
    public bool OpenLine(string callSid, string room, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_ownCall || _callSid != callSid || _state != Talking) return false;
            (_state, _room, _line, _since, _customers) = (InRoom, room, true, now, 0);
            return true;
        }
    }

    public bool HoldsLine(string callSid)
    {
        lock (_gate) return _line && _state == InRoom && _callSid == callSid;
    }

    /// <summary>The agent's own call to hang up when their tab closes or phone is put down, if they have one.</summary>
    public string? OwnCall()
    {
        lock (_gate) return _ownCall && _state is Ringing or Talking or InRoom ? _callSid : null;
    }

    public void TalkedTo()
    {
        lock (_gate) _customers++;
    }

    public void Missed()
    {
        lock (_gate) _missed++;
    }

    public void Release(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_line) (_state, _since) = (Dropped, now); // the line's call, room and count stay visible
            else (_state, _callSid, _legSid, _since) = (Idle, null, null, now);
        }
    }

    public AgentSnapshot Snapshot()
    {
        lock (_gate)
            return new AgentSnapshot(
                name, _state, _callSid, _legSid, _since, _answered, _missed, _line ? _room : null, _customers);
    }
}

/// <param name="Room">the conference of the agent's line (held now, or dropped); null when they never held one</param>
/// <param name="CustomersTalked">customers the agent talked to and hung up on, on their current or last line</param>
public sealed record AgentSnapshot(
    string Name, string State, string? CallSid, string? LegSid, DateTimeOffset? Since, int CallsAnswered,
    int CallsMissed, string? Room, int CustomersTalked);
