using System.Collections.Concurrent;
using Dialer.TwilioSimulator.Calls;
using Dialer.TwilioSimulator.Hosting;
using Dialer.TwilioSimulator.TwiML;
using Microsoft.Extensions.Options;

namespace Dialer.TwilioSimulator.Agents;

/// <summary>
/// Agents who answer their browser phone by themselves: a Dial to client:NAME rings NAME, who picks up after
/// Agents.AnswerDelay, talks for Agents.TalkTime and hangs up. One call at a time: a busy agent gives busy.
/// </summary>
public sealed class SimulatedAgents(
    IOptions<SimulatorOptions> options, SimRandom random, TimeProvider time, ILogger<SimulatedAgents> logger)
{
    readonly ConcurrentDictionary<string, AgentState> _agents = new(StringComparer.Ordinal);

    /// <param name="answered">told the agent leg's sid when the agent picks up (the Client noun's "answered" status callback)</param>
    public async Task<DialResult> DialAsync(string name, SimCall call, TimeSpan timeout, CancellationToken ct,
        Func<string, Task>? answered = null)
    {
        var agent = _agents.GetOrAdd(name, n => new AgentState(n));
        call.Note("Dial Client " + name);
        if (!agent.TryRing(call.Sid, time.GetUtcNow()))
        {
            logger.LogInformation("Agent {Agent} is busy; call {CallSid} gets busy", name, call.Sid);
            return DialResult.Busy;
        }

        try
        {
            var settings = options.Value.Agents;
            var answerAfter = random.Duration(settings.AnswerDelay);
            if (settings.NeverAnswer.Contains(name, StringComparer.Ordinal) || answerAfter >= timeout)
            {
                await Task.Delay(timeout, time, ct);
                agent.Missed();
                return DialResult.NoAnswer;
            }

            await Task.Delay(answerAfter, time, ct);
            var legSid = SimSids.NewCallSid();
            agent.Answer(legSid, time.GetUtcNow());
            lock (call.Gate) call.Agent = name;
            call.Note("bridged to agent " + name);
            logger.LogInformation("Agent {Agent} answered call {CallSid} (leg {LegSid})", name, call.Sid, legSid);
            if (answered is not null) await answered(legSid);

            var talk = random.Duration(settings.TalkTime);
            call.Control.SetBridged(true);
            try
            {
                await Task.Delay(talk, time, ct);
            }
            finally
            {
                call.Control.SetBridged(false);
            }
            return DialResult.Completed(legSid, talk);
        }
        finally
        {
            agent.Release(time.GetUtcNow());
        }
    }

    /// <summary>A call placed straight to client:NAME (the Participants API bringing the agent into a room) rings the same agent: busy while on a call.</summary>
    public bool TryRing(string name, string callSid) => _agents.GetOrAdd(name, n => new AgentState(n)).TryRing(callSid, time.GetUtcNow());

    public void Answered(string name, string callSid)
    {
        if (_agents.TryGetValue(name, out var agent)) agent.Answer(callSid, time.GetUtcNow());
    }

    public void Ended(string name, string finalStatus)
    {
        if (!_agents.TryGetValue(name, out var agent)) return;
        if (finalStatus == CallStatus.NoAnswer) agent.Missed();
        agent.Release(time.GetUtcNow());
    }

    public IReadOnlyList<AgentSnapshot> Snapshot() =>
        _agents.Values.Select(a => a.Snapshot()).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();

    public void Reset() => _agents.Clear();

    sealed class AgentState(string name)
    {
        readonly Lock _gate = new();
        string _state = "idle";
        string? _callSid, _legSid;
        DateTimeOffset? _since;
        int _answered, _missed;

        public bool TryRing(string callSid, DateTimeOffset now)
        {
            lock (_gate)
            {
                if (_state != "idle") return false;
                (_state, _callSid, _legSid, _since) = ("ringing", callSid, null, now);
                return true;
            }
        }

        public void Answer(string legSid, DateTimeOffset now)
        {
            lock (_gate) (_state, _legSid, _since, _answered) = ("talking", legSid, now, _answered + 1);
        }

        public void Missed()
        {
            lock (_gate) _missed++;
        }

        public void Release(DateTimeOffset now)
        {
            lock (_gate) (_state, _callSid, _legSid, _since) = ("idle", null, null, now);
        }

        public AgentSnapshot Snapshot()
        {
            lock (_gate) return new AgentSnapshot(name, _state, _callSid, _legSid, _since, _answered, _missed);
        }
    }
}

public sealed record AgentSnapshot(
    string Name, string State, string? CallSid, string? LegSid, DateTimeOffset? Since, int CallsAnswered, int CallsMissed);
