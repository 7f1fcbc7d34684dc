using Dialer.TwilioSimulator.Calls;
using Dialer.TwilioSimulator.Hosting;
using Dialer.TwilioSimulator.Records;
using Microsoft.Extensions.Options;

namespace Dialer.TwilioSimulator.Agents;

/// <summary>
/// What an agent holding a line does with each customer who comes into their room: talks for Agents.TalkTime,
/// counted only while both hear each other (not while either is on hold or muted), then hangs up on the customer
/// as the console's hang-up would: the customer's Dial ends (its action is requested) and their call completes.
/// The agent stays in the room for the next one.
/// </summary>
public sealed class AgentLines
{
    readonly Dictionary<string, Talk> _talks = new(StringComparer.Ordinal);
    readonly Lock _gate = new();
    readonly ConferenceRegistry _rooms;
    readonly SimulatedAgents _agents;
    readonly CallRecordStore _records;
    readonly SimRandom _random;
    readonly SimulatorOptions _options;
    readonly TimeProvider _time;
    readonly ILogger<AgentLines> _logger;

    public AgentLines(ConferenceRegistry rooms, SimulatedAgents agents, CallRecordStore records, SimRandom random,
        IOptions<SimulatorOptions> options, TimeProvider time, ILogger<AgentLines> logger)
    {
        (_rooms, _agents, _records, _random, _options, _time, _logger) =
            (rooms, agents, records, random, options.Value, time, logger);
        rooms.Changed += OnRoomChanged;
    }

    /// <summary>
    /// Runs under the registry's lock, so it sees every change in order; it only starts and stops timers.
    /// </summary>
    void OnRoomChanged(ConferenceSnapshot room)
    {
        var now = _time.GetUtcNow();
        var present = room.Status == ConferenceStatus.InProgress
            ? room.Participants.Where(p => p.Status == ParticipantStatus.Connected).ToList()
            : [];
        var lines = present.Where(p => p.Role == ParticipantRole.Agent)
            .Select(p => (p.CallSid, Agent: _agents.LineHolder(p.CallSid))).Where(l => l.Agent is not null).ToList();
        lock (_gate)
        {
            foreach (var customer in present.Where(p => p.Role == ParticipantRole.Customer))
            {
                var line = lines.FirstOrDefault(l => room.Hears(l.CallSid, customer.CallSid)
                    && room.Hears(customer.CallSid, l.CallSid));
                _talks.TryGetValue(customer.CallSid, out var talk);
                if (line.Agent is null)
                {
                    talk?.Pause(now);
                    continue;
                }
                if (talk is null)
                    _talks[customer.CallSid] = talk =
                        new Talk(customer.CallSid, room.Name, line.Agent, _random.Duration(_options.Agents.TalkTime));
                if (talk.Resume(now) is { } remaining) _ = HangUpAfterAsync(talk, remaining);
            }
            foreach (var gone in _talks.Values.Where(t => t.Room == room.Name
                && present.All(p => p.CallSid != t.Customer)).ToList())
            {
                gone.Pause(now);
                _talks.Remove(gone.Customer);
            }
        }
    }

    async Task HangUpAfterAsync(Talk talk, (TimeSpan Delay, CancellationToken Token) timer)
    {
        try
        {
            await Task.Delay(timer.Delay, _time, timer.Token);
        }
        catch (OperationCanceledException)
        {
            return; // paused (hold, mute) or gone
        }
        lock (_gate)
        {
            if (!_talks.Remove(talk.Customer, out var current) || current != talk) return;
        }
        _agents.TalkedTo(talk.Agent);
        if (_records.Find(talk.Customer) is not { } customer) return;
        customer.Note($"agent {talk.Agent} hung up");
        _logger.LogInformation("Agent {Agent} hung up on call {CallSid} in {Room}", PhoneMask.Agent(talk.Agent),
            talk.Customer, talk.Room);
        customer.Control.EndAfterDial();
        _rooms.Leave(talk.Room, talk.Customer);
    }

    public void Reset()
    {
        lock (_gate)
        {
            foreach (var talk in _talks.Values) talk.Pause(_time.GetUtcNow());
            _talks.Clear();
        }
    }

    /// <summary>
    /// One customer's conversation with a line's agent: talk time used so far, and the timer while they talk.
    /// </summary>
    sealed class Talk(string customer, string room, string agent, TimeSpan budget)
    {
        TimeSpan _used;
        DateTimeOffset? _since;
        CancellationTokenSource? _timer;

        public string Customer => customer;
        public string Room => room;
        public string Agent => agent;

        /// <returns>The timer to start when talk (re)starts now; null when already talking.</returns>
        public (TimeSpan, CancellationToken)? Resume(DateTimeOffset now)
        {
            if (_since is not null) return null;
            _since = now;
            _timer = new CancellationTokenSource();
            var left = budget - _used;
            return (left > TimeSpan.Zero ? left : TimeSpan.Zero, _timer.Token);
        }

        public void Pause(DateTimeOffset now)
        {
            if (_since is { } since) _used += now - since;
            _since = null;
            _timer?.Cancel();
            _timer = null;
        }
    }
}
