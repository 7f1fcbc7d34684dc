using System.Collections.Concurrent;
using Dialer.TwilioSimulator.Calls;

namespace Dialer.TwilioSimulator.Records;

/// <summary>Every call the simulator was asked to place, until a reset.</summary>
public sealed class CallRecordStore
{
    readonly ConcurrentDictionary<string, SimCall> _calls = new(StringComparer.Ordinal);
    long _numbered;

    public long NextNumber() => Interlocked.Increment(ref _numbered);

    public void Add(SimCall call) => _calls[call.Sid] = call;

    public SimCall? Find(string sid) => _calls.GetValueOrDefault(sid);

    /// <summary>The live calls, oldest first.</summary>
    public IReadOnlyList<SimCall> All() => _calls.Values.OrderBy(c => c.Number).ToList();

    /// <summary>
    /// The record as tests and benchmarks read it, oldest first; <paramref name="to"/> filters by callee.
    /// </summary>
    public IReadOnlyList<SimCallRecord> Snapshot(string? to = null) =>
        All().Where(c => to is null || c.To == to).Select(SimCallRecord.Of).ToList();

    public SimCallRecord? Record(string sid) => Find(sid) is { } call ? SimCallRecord.Of(call) : null;

    /// <summary>Forgets every call; live ones are hung up without callbacks.</summary>
    public int Clear()
    {
        var calls = _calls.Values.ToList();
        _calls.Clear();
        foreach (var call in calls) call.Control.HangUp(CallStatus.Canceled, silently: true);
        return calls.Count;
    }

    public SimStats Stats(CreateRate? rate = null)
    {
        var calls = All();
        var records = calls.Select(SimCallRecord.Of).ToList();
        var agentLegs = calls.Where(c => c.RingsAgent is not null).Select(c => c.Sid).ToHashSet(StringComparer.Ordinal);
        return new SimStats(
            records.Count,
            records.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()),
            records.Where(r => r.AnsweredBy is not null).GroupBy(r => r.AnsweredBy!)
            .ToDictionary(g => g.Key, g => g.Count()),
            records.Count(r => r.Agent is not null && !agentLegs.Contains(r.Sid)),
            records.Count(r => r.To.StartsWith("client:", StringComparison.OrdinalIgnoreCase)), rate?.Summary() ?? []);
    }
}

/// <param name="BridgedToAgent">customers' calls an agent talked in (by Dial Client, or in a room with an agent
/// present: their line, or one brought in)</param>
/// <param name="ToClients">calls placed to client:NAME (agents or supervisors brought into a conference); counted in
/// Total too</param>
/// <param name="CreateRates">per account: calls created per second against its limit (see CreateRate)</param>
public sealed record SimStats(
    int Total, Dictionary<string, int> ByStatus, Dictionary<string, int> ByAnsweredBy, int BridgedToAgent,
    int ToClients, IReadOnlyList<AccountRate> CreateRates);
