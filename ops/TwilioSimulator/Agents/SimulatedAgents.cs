using System.Collections.Concurrent;
using Dialer.TwilioSimulator.Calls;
using Dialer.TwilioSimulator.Hosting;
using Dialer.TwilioSimulator.TwiML;
using Microsoft.Extensions.Options;

namespace Dialer.TwilioSimulator.Agents;

/// <summary>
/// Agents who answer their browser phone (client:NAME) or their own phone (a number under Agents.PhonePrefix) by
/// themselves, after Agents.AnswerDelay. A Dial to them from a customer's TwiML: they talk for Agents.TalkTime and hang
/// up. Their own call that enters a room with no customer becomes their line (see <see cref="AgentLines"/>).
/// One call at a time: a busy agent, or one holding a line, gives busy.
/// </summary>
public sealed class SimulatedAgents(
    IOptions<SimulatorOptions> options, SimRandom random, TimeProvider time, ILogger<SimulatedAgents> logger)
{
    readonly ConcurrentDictionary<string, AgentState> _agents = new(StringComparer.Ordinal);

    /// <param name="answered">told the agent leg's sid when the agent picks up (the Client noun's "answered" status
    /// callback)</param>
    public async Task<DialResult> DialAsync(string name, SimCall call, TimeSpan timeout, CancellationToken ct,
        Func<string, Task>? answered = null)
    {
        var agent = _agents.GetOrAdd(name, n => new AgentState(n));
        call.Note("Dial Client " + name);
        if (!agent.TryRing(call.Sid, time.GetUtcNow(), ownCall: false))
        {
            logger.LogInformation("Agent {Agent} is busy; call {CallSid} gets busy", PhoneMask.Agent(name), call.Sid);
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
            logger.LogInformation(
                "Agent {Agent} answered call {CallSid} (leg {LegSid})", PhoneMask.Agent(name), call.Sid, legSid);
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

    public bool NeverHangsUp(string name) => options.Value.Agents.NeverHangUp.Contains(name, StringComparer.Ordinal);

    /// <summary>
    /// A call placed straight to the agent (their line, or the Participants API bringing them into a room): busy while
    /// on a call or holding a line.
    /// </summary>
    public bool TryRing(string name, string callSid) =>
        _agents.GetOrAdd(name, n => new AgentState(n)).TryRing(callSid, time.GetUtcNow(), ownCall: true);

    /// <summary>
    /// The agent's own call entered <paramref name="room"/> with no customer in it: it becomes their line.
    /// </summary>
    public bool OpenLine(string name, string callSid, string room)
    {
        if (!_agents.TryGetValue(name, out var agent) || !agent.OpenLine(callSid, room, time.GetUtcNow())) return false;
        logger.LogInformation(
            "Agent {Agent} holds a line in {Room} (call {CallSid})", PhoneMask.Agent(name), room, callSid);
        return true;
    }

    /// <summary>The agent whose line is <paramref name="callSid"/>, or null.</summary>
    public string? LineHolder(string callSid) =>
        _agents.Values.FirstOrDefault(a => a.HoldsLine(callSid))?.Snapshot().Name;

    public bool HoldsLine(string name, string callSid) =>
        _agents.TryGetValue(name, out var agent) && agent.HoldsLine(callSid);

    /// <summary>The agent's own call (line or ringing), which a drop hangs up; null when they have none.</summary>
    public string? OwnCall(string name) => _agents.TryGetValue(name, out var agent) ? agent.OwnCall() : null;

    public void TalkedTo(string name)
    {
        if (_agents.TryGetValue(name, out var agent)) agent.TalkedTo();
    }

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
}
