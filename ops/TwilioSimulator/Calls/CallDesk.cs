using Dialer.TwilioSimulator.Hosting;
using Dialer.TwilioSimulator.Records;
using Microsoft.Extensions.Options;

namespace Dialer.TwilioSimulator.Calls;

/// <summary>
/// Accepts calls: draws each one's fate from the seeded mix, gives it its turn under the account's calls per
/// second (a call over the rate waits in status queued, as with Twilio), records it, and sets it running.
/// </summary>
public sealed class CallDesk(
    CallRecordStore records, CreateRate rate, CallRunner runner, SimRandom random, IOptions<SimulatorOptions> options,
    Numbers.IncomingNumbers numbers, Faults.FaultState faults, TimeProvider time, ILogger<CallDesk> logger)
{
    readonly SimulatorOptions _options = options.Value;
    readonly Lock _pacing = new();
    DateTimeOffset _nextTurn = DateTimeOffset.MinValue;

    public SimCall Place(string to, string from, CallInstructions instructions)
    {
        var now = time.GetUtcNow();
        var agent = _options.Agents.AgentCalledBy(to);
        var number = records.NextNumber();
        var chance = random.ForCall(number);
        var (outcome, ring, talk) = agent is null ? DrawCustomer(chance) : DrawAgent(agent, chance);
        if (agent is null && numbers.IsUnanswered(from)) outcome = PlannedOutcome.NoAnswer; // labelled spam
        else if (agent is null && faults.OutcomeFor(to) is { } forced) outcome = forced;
        var call = new SimCall
        {
            Sid = SimSids.NewCallSid(),
            AccountSid = _options.AccountSid,
            To = to,
            From = from,
            Number = number,
            Chance = chance,
            Instructions = instructions,
            Outcome = outcome,
            RingTime = ring,
            TalkTime = talk,
            CreatedAt = now,
            QueueTurn = NextTurn(now),
            UpdatedAt = now,
            Agent = agent,
            RingsAgent = agent,
        };
        records.Add(call);
        rate.Created(call.AccountSid);
        logger.LogInformation("Call {CallSid} to {To} from {From} accepted: {Outcome}, turn in {QueueMs}ms",
            call.Sid, PhoneMask.Mask(to), PhoneMask.Mask(from), outcome, (long)call.QueueTime.TotalMilliseconds);
        runner.Start(call);
        return call;
    }

    /// <summary>
    /// A customer calls one of the account's numbers: answered at once (no rate, no ring), the number's voice URL
    /// requested and its TwiML followed; the caller presses <paramref name="keyPress"/> at the first Gather.
    /// </summary>
    public SimCall Receive(string from, string to, string voiceUrl, string? keyPress)
    {
        var now = time.GetUtcNow();
        var number = records.NextNumber();
        var chance = random.ForCall(number);
        var call = new SimCall
        {
            Sid = SimSids.NewCallSid(), AccountSid = _options.AccountSid, To = to, From = from, Number = number,
            Chance = chance, Instructions = new CallInstructions { Url = voiceUrl }, Outcome = PlannedOutcome.Human,
            // the caller stays until the TwiML ends the call (or Twilio's time limit does)
            RingTime = TimeSpan.Zero, TalkTime = Timeout.InfiniteTimeSpan, CreatedAt = now, QueueTurn = now,
            UpdatedAt = now, Direction = "inbound", KeyPress = keyPress,
        };
        records.Add(call);
        logger.LogInformation("Inbound call {CallSid} from {From} to {To}", call.Sid, PhoneMask.Mask(from),
            PhoneMask.Mask(to));
        runner.Start(call);
        return call;
    }

    (PlannedOutcome, TimeSpan Ring, TimeSpan Talk) DrawCustomer(SimRandom chance)
    {
        var outcome = (PlannedOutcome)chance.Pick(_options.Outcomes.AsWeights());
        return (outcome, chance.Duration(_options.RingTime), chance.Duration(_options.TalkTime));
    }

    /// <summary>
    /// A call placed straight to client:NAME or an agent's phone (an agent's line, or an agent brought into a
    /// conference) reaches a simulated agent.
    /// </summary>
    (PlannedOutcome, TimeSpan Ring, TimeSpan Talk) DrawAgent(string name, SimRandom chance)
    {
        var agents = _options.Agents;
        var outcome = agents.NeverAnswer.Contains(name, StringComparer.Ordinal) ? PlannedOutcome.NoAnswer
            : PlannedOutcome.Human;
        return (outcome, chance.Duration(agents.AnswerDelay), chance.Duration(agents.TalkTime));
    }

    /// <summary>After a reset, new calls need not wait behind the turns of calls that were forgotten.</summary>
    public void ResetPacing()
    {
        lock (_pacing) _nextTurn = DateTimeOffset.MinValue;
    }

    DateTimeOffset NextTurn(DateTimeOffset now)
    {
        var spacing = TimeSpan.FromSeconds(1 / _options.CallsPerSecond);
        lock (_pacing)
        {
            var turn = _nextTurn > now ? _nextTurn : now;
            _nextTurn = turn + spacing;
            return turn;
        }
    }
}
