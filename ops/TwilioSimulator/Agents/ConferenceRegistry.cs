using System.Collections.Concurrent;
using Dialer.TwilioSimulator.Calls;
using Dialer.TwilioSimulator.Hosting;

namespace Dialer.TwilioSimulator.Agents;

/// <summary>
/// Conferences by name, with who is in them now and who was. Legs in a conference with someone else count as
/// bridged (the callee does not hang up on a conversation). Roles and Muted/Coaching leave room for managers
/// who will join with coaching.
/// </summary>
public sealed class ConferenceRegistry(TimeProvider time)
{
    readonly ConcurrentDictionary<string, Conference> _conferences = new(StringComparer.Ordinal);
    readonly Lock _gate = new();

    /// <returns>A task that completes when the conference ends (a leg with endConferenceOnExit left, or everyone did).</returns>
    public Task Join(
        string name, SimCall call, ParticipantRole role, bool endConferenceOnExit = false, bool muted = false, string? coaching = null)
    {
        List<SimCall> present;
        Conference conference;
        lock (_gate)
        {
            conference = _conferences.GetOrAdd(name, n => new Conference(n, SimSids.NewConferenceSid(), time.GetUtcNow()));
            var label = role == ParticipantRole.Customer ? PhoneMask.Mask(call.To) : call.To;
            conference.Participants.Add(new Participant(call.Sid, label, role, muted, coaching, endConferenceOnExit,
                time.GetUtcNow(), null) { Call = call });
            present = conference.Participants.Where(p => p.LeftAt is null).Select(p => p.Call!).ToList();
        }
        foreach (var leg in present) leg.Control.SetBridged(present.Count >= 2);
        return conference.Ended.Task;
    }

    public void Leave(string name, string callSid)
    {
        List<SimCall> remaining = [];
        lock (_gate)
        {
            if (!_conferences.TryGetValue(name, out var conference)) return;
            var index = conference.Participants.FindIndex(p => p.CallSid == callSid && p.LeftAt is null);
            if (index < 0) return;
            var leaving = conference.Participants[index];
            conference.Participants[index] = leaving with { LeftAt = time.GetUtcNow() };
            var present = conference.Participants.Where(p => p.LeftAt is null).ToList();
            if (leaving.EndConferenceOnExit || present.Count == 0)
            {
                _conferences.TryRemove(name, out _);
                conference.Ended.TrySetResult();
            }
            else remaining = present.Select(p => p.Call!).ToList();
        }
        foreach (var leg in remaining) leg.Control.SetBridged(remaining.Count >= 2);
    }

    public IReadOnlyList<ConferenceSnapshot> Snapshot()
    {
        lock (_gate)
        {
            return _conferences.Values
                .Select(c => new ConferenceSnapshot(c.Name, c.Sid, c.CreatedAt, c.Participants.ToList()))
                .OrderBy(c => c.CreatedAt).ToList();
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            foreach (var conference in _conferences.Values) conference.Ended.TrySetResult();
            _conferences.Clear();
        }
    }

    sealed record Conference(string Name, string Sid, DateTimeOffset CreatedAt)
    {
        public List<Participant> Participants { get; } = [];
        public TaskCompletionSource Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

public enum ParticipantRole { Customer, Agent, Coach }

public sealed record Participant(
    string CallSid, string Label, ParticipantRole Role, bool Muted, string? Coaching, bool EndConferenceOnExit,
    DateTimeOffset JoinedAt, DateTimeOffset? LeftAt)
{
    [System.Text.Json.Serialization.JsonIgnore]
    internal SimCall? Call { get; init; }
}

public sealed record ConferenceSnapshot(string Name, string Sid, DateTimeOffset CreatedAt, IReadOnlyList<Participant> Participants);
