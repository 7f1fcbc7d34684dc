using Dialer.TwilioSimulator.Callbacks;
using Dialer.TwilioSimulator.Calls;

namespace Dialer.TwilioSimulator.Agents;

/// <summary>
/// Conferences by name, with who is in them now and who was, and who hears whom (see <see cref="Earshot"/>).
/// A leg joins by TwiML (&lt;Dial&gt;&lt;Conference&gt;) or is expected first by the Participants API, whose
/// options it then joins with. Legs in a conference with someone else count as bridged (the callee does not
/// hang up on a conversation). Ended conferences stay fetchable until a reset, as Twilio's do.
/// </summary>
public sealed class ConferenceRegistry(TimeProvider time, ConferenceCallbacks callbacks)
{
    /// <summary>
    /// Raised under the registry's lock after every change to a room, in order: keep handlers short, and never call
    /// back in.
    /// </summary>
    public event Action<ConferenceSnapshot>? Changed;

    readonly Dictionary<string, Conference> _live = new(StringComparer.Ordinal);
    readonly List<Conference> _ended = [];
    readonly Lock _gate = new();

    /// <summary>
    /// The live conference of this name, created (status init) when there is none: Participants API by FriendlyName.
    /// </summary>
    public ConferenceSnapshot Open(string name)
    {
        lock (_gate) return OpenLocked(name).Snapshot();
    }

    /// <summary>A live conference by SID or name, or an ended one by SID.</summary>
    public ConferenceSnapshot? Find(string sidOrName)
    {
        lock (_gate) return FindLocked(sidOrName)?.Snapshot();
    }

    /// <summary>
    /// A participant the API created: their call rings, and they join with these options when it answers.
    /// </summary>
    public void Expect(string name, SimCall call, Participant participant)
    {
        lock (_gate)
        {
            var conference = OpenLocked(name);
            conference.Participants.Add(participant with { Call = call });
            conference.Touch(time.GetUtcNow());
        }
    }

    /// <returns>A task that completes when this leg's time in the conference is over (it was removed, or the conference
    /// ended).</returns>
    public Task Join(string name, SimCall call, Participant fromTwiml)
    {
        List<SimCall> present;
        Conference conference;
        TaskCompletionSource left;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            conference = OpenLocked(name);
            var index = conference.Participants.FindIndex(p => p.CallSid == call.Sid
                && p.Status == ParticipantStatus.Queued);
            var joining = (index >= 0 ? conference.Participants[index] : fromTwiml with { Call = call }) with
            {
                Status = ParticipantStatus.Connected,
                JoinedAt = now,
                UpdatedAt = now,
            };
            if (index >= 0) conference.Participants[index] = joining;
            else conference.Participants.Add(joining);
            if (!conference.Departures.TryGetValue(call.Sid, out left!))
                conference.Departures[call.Sid] = left = new(TaskCreationOptions.RunContinuationsAsynchronously);
            conference.Callback ??= joining.ConferenceCallback;
            var starts = joining.StartConferenceOnEnter && conference.Status == ConferenceStatus.Init;
            if (joining.StartConferenceOnEnter) conference.Status = ConferenceStatus.InProgress;
            NameTheAgent(conference);
            conference.Heard("joined: " + joining.Label, now);
            callbacks.Emit(conference, "join", "participant-join", joining);
            if (starts) callbacks.Emit(conference, "start", "conference-start", null);
            present = conference.Present().Select(p => p.Call!).ToList();
            Changed?.Invoke(conference.Snapshot());
        }
        foreach (var leg in present) leg.Control.SetBridged(present.Count >= 2);
        return left.Task;
    }

    /// <summary>
    /// The leg left (hung up, redirected) or was removed (<paramref name="kicked"/>, the Participants API's delete).
    /// </summary>
    public void Leave(string name, string callSid, bool kicked = false)
    {
        List<SimCall> remaining = [];
        List<TaskCompletionSource> released = [];
        List<SimCall> ringing = [];
        lock (_gate)
        {
            if (!_live.TryGetValue(name, out var conference)) return;
            var index = conference.Participants.FindIndex(p => p.CallSid == callSid
                && p.Status != ParticipantStatus.Complete);
            if (index < 0) return;
            var now = time.GetUtcNow();
            var leaving = conference.Participants[index];
            conference.Participants[index] =
                leaving with { Status = ParticipantStatus.Complete, LeftAt = now, UpdatedAt = now };
            if (conference.Departures.Remove(callSid, out var mine)) released.Add(mine);
            var present = conference.Present().ToList();
            var wasIn = leaving.JoinedAt is not null; // a leg that never got in (it rang out, or hung up) changes
                                                      // nothing but this event
            var (why, callStatus) = WhyLeft(leaving, kicked, wasIn);
            callbacks.Emit(conference, "leave", "participant-leave", leaving,
                ("ReasonParticipantLeft", why), ("ParticipantCallStatus", callStatus));
            if (wasIn && (leaving.EndConferenceOnExit || present.Count == 0))
            {
                var reason = (leaving.EndConferenceOnExit, kicked) switch
                {
                    (true, false) => "participant-with-end-conference-on-exit-left",
                    (true, true) => "participant-with-end-conference-on-exit-kicked",
                    (false, true) => "last-participant-kicked",
                    _ => "last-participant-left",
                };
                ringing = End(conference, reason, callSid, now, released);
            }
            else if (wasIn)
            {
                conference.Heard("left: " + leaving.Label, now);
                remaining = present.Select(p => p.Call!).ToList();
            }
            Changed?.Invoke(conference.Snapshot());
        }
        foreach (var departure in released) departure.TrySetResult();
        foreach (var call in ringing) call.Control.HangUp(CallStatus.Canceled);
        foreach (var leg in remaining) leg.Control.SetBridged(remaining.Count >= 2);
    }

    /// <summary>The Participants API's update: Muted, Hold, Coaching and CallSidToCoach, in place.</summary>
    public Participant? Update(string conferenceSid, string callSidOrLabel, Func<Participant, Participant> change)
    {
        lock (_gate)
        {
            if (FindLocked(conferenceSid) is not { Status: not ConferenceStatus.Completed } conference) return null;
            var index = conference.Participants.FindIndex(p => p.Status != ParticipantStatus.Complete
                && (p.CallSid == callSidOrLabel || p.Label == callSidOrLabel));
            if (index < 0) return null;
            var now = time.GetUtcNow();
            var before = conference.Participants[index];
            var updated = change(before) with { UpdatedAt = now };
            conference.Participants[index] = updated;
            conference.Heard("updated: " + updated.Label, now);
            if (before.Muted != updated.Muted)
                callbacks.Emit(conference, "mute", updated.Muted ? "participant-mute" : "participant-unmute", updated);
            if (before.Hold != updated.Hold)
                callbacks.Emit(conference, "hold", updated.Hold ? "participant-hold" : "participant-unhold", updated);
            Changed?.Invoke(conference.Snapshot());
            return updated;
        }
    }

    public IReadOnlyList<ConferenceSnapshot> Snapshot()
    {
        lock (_gate) return _live.Values.Select(c => c.Snapshot()).OrderBy(c => c.CreatedAt).ToList();
    }

    /// <summary>Live and ended conferences, oldest first: what Conferences.json lists.</summary>
    public IReadOnlyList<ConferenceSnapshot> All()
    {
        lock (_gate) return _live.Values.Concat(_ended).Select(c => c.Snapshot()).OrderBy(c => c.CreatedAt).ToList();
    }

    public void Reset()
    {
        List<TaskCompletionSource> released = [];
        lock (_gate)
        {
            foreach (var conference in _live.Values)
            {
                released.AddRange(conference.Departures.Values);
                conference.Departures.Clear();
            }
            _live.Clear();
            _ended.Clear();
        }
        foreach (var departure in released) departure.TrySetResult();
    }

    Conference OpenLocked(string name)
    {
        if (_live.TryGetValue(name, out var live)) return live;
        var created = new Conference(name, SimSids.NewConferenceSid(), time.GetUtcNow());
        _live[name] = created;
        return created;
    }

    Conference? FindLocked(string sidOrName) =>
        _live.GetValueOrDefault(sidOrName)
        ?? _live.Values.FirstOrDefault(c => c.Sid == sidOrName)
        ?? _ended.FirstOrDefault(c => c.Sid == sidOrName);

    /// <returns>The calls still ringing to join it: Twilio hangs those up too.</returns>
    List<SimCall> End(Conference conference, string reason, string endingCallSid, DateTimeOffset now,
        List<TaskCompletionSource> released)
    {
        _live.Remove(conference.Name);
        _ended.Add(conference);
        conference.Status = ConferenceStatus.Completed;
        conference.ReasonEnded = reason;
        conference.CallSidEnding = endingCallSid;
        List<SimCall> ringing = [];
        for (var i = 0; i < conference.Participants.Count; i++)
        {
            var p = conference.Participants[i];
            if (p.Status == ParticipantStatus.Complete) continue;
            if (p.Status == ParticipantStatus.Queued && p.Call is not null) ringing.Add(p.Call);
            conference.Participants[i] = p with { Status = ParticipantStatus.Complete, LeftAt = now, UpdatedAt = now };
            if (p.Status == ParticipantStatus.Connected)
                callbacks.Emit(conference, "leave", "participant-leave", p,
                    ("ReasonParticipantLeft", "conference_ended"), ("ParticipantCallStatus", CallStatus.InProgress));
        }
        released.AddRange(conference.Departures.Values);
        conference.Departures.Clear();
        conference.Heard("ended: " + reason, now);
        callbacks.Emit(conference, "end", "conference-end", null, ("ReasonConferenceEnded", reason),
            ("CallSidEndingConference", endingCallSid));
        return ringing;
    }

    /// <summary>Twilio's ReasonParticipantLeft and the participant's call status at that moment.</summary>
    static (string Why, string CallStatus) WhyLeft(Participant leaving, bool kicked, bool wasIn)
    {
        var control = leaving.Call?.Control;
        if (!wasIn)
            return ("participant_hung_up", leaving.Call?.Status ?? CallStatus.Completed); // never joined: rang out,
                                                                                          // busy, failed
        if (kicked) return ("participant_kicked", CallStatus.InProgress);
        if (control is { EndsAfterDial: true } || control?.Line.IsCancellationRequested == true)
            return ("participant_hung_up", CallStatus.Completed);
        return ("participant_updated_via_api", CallStatus.InProgress); // redirected, or its Dial's timeLimit
    }

    /// <summary>
    /// Notes in the room's hearing history something it hears that is no participant (early media, an announcement).
    /// </summary>
    public void Note(string name, string what)
    {
        lock (_gate)
        {
            if (_live.TryGetValue(name, out var conference)) conference.Note(what, time.GetUtcNow());
        }
    }

    /// <summary>
    /// The customer's call record names the agent in the room with them, as a Dial to the agent's Client did.
    /// </summary>
    static void NameTheAgent(Conference conference)
    {
        if (conference.Present().FirstOrDefault(p => p.Role == ParticipantRole.Agent)?.Call is not { } agentCall)
            return;
        var agent = agentCall.To.StartsWith("client:", StringComparison.OrdinalIgnoreCase)
            ? agentCall.To["client:".Length..] : agentCall.To;
        foreach (var customer in conference.Present().Where(p => p.Role == ParticipantRole.Customer))
            lock (customer.Call!.Gate) customer.Call.Agent ??= agent;
    }
}
