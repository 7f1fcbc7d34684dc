using System.Collections.Concurrent;
using Dialer.Core.CallerIds;
using Dialer.Core.Data;

namespace Dialer.Worker.CallerIds;

/// <summary>
/// Calls and answers per caller ID and day that are not counted in the dial's own round trip, added up in memory and
/// written once a second, one statement per number: every answer (inside the answer's transaction, the number's one row
/// of the day was a queue every answer waited in, holding its attempt's lock, past the answer's budget under load), and
/// the calls of campaigns that keep no ledger (their lone number, no cap: <see cref="CallerIdPool.NeedsLedger"/>).
/// Those calls count too because their answers do: a number shared with a pool campaign would otherwise show answers of
/// calls it never counted, an answer rate that rests the pool's other numbers. Calls are written before answers. The
/// rest rule reads the counts a second late at most; a Worker killed between two writes loses that second's counts.
/// </summary>
public sealed class CallerIdCounts(IServiceScopeFactory scopes, ILogger<CallerIdCounts> log) : BackgroundService
{
    readonly ConcurrentDictionary<(string Number, DateOnly Day), int> _calls = new();
    readonly ConcurrentDictionary<(string Number, DateOnly Day), int> _answers = new();

    /// <summary>A call from <paramref name="number"/> that no ledger counted leaves at <paramref name="at"/>.</summary>
    public void Call(string number, DateTimeOffset at) => Add(_calls, number, at);

    /// <summary>A call from <paramref name="number"/> placed at <paramref name="dialedAt"/> was answered.</summary>
    public void Answer(string number, DateTimeOffset dialedAt) => Add(_answers, number, dialedAt);

    static void Add(ConcurrentDictionary<(string, DateOnly), int> pending, string number, DateTimeOffset at) =>
        pending.AddOrUpdate((number, CallerIdLedger.DayOf(number, at)), 1, (_, n) => n + 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await FlushAsync(CancellationToken.None);
        }
        catch (OperationCanceledException) { }
        await FlushAsync(CancellationToken.None); // what the last second held, as the Worker stops
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        if (_calls.IsEmpty && _answers.IsEmpty) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DialerDb>();
        if (await FlushAsync(_calls, (number, day, n) => CallerIdLedger.CountCallsAsync(db, number, day, n, ct)))
            await FlushAsync(_answers, (number, day, n) => CallerIdLedger.CountAnswersAsync(db, number, day, n, ct));
    }

    /// <returns>false when a write failed: the rest is tried again next second</returns>
    async Task<bool> FlushAsync(ConcurrentDictionary<(string Number, DateOnly Day), int> pending,
        Func<string, DateOnly, int, Task> write)
    {
        foreach (var key in pending.Keys)
        {
            if (!pending.TryRemove(key, out var count) || count == 0) continue;
            try { await write(key.Number, key.Day, count); }
            catch (Exception e)
            {
                pending.AddOrUpdate(key, count, (_, n) => n + count);
                log.LogWarning(e, "A caller ID's calls or answers could not be counted; tried again in a second");
                return false;
            }
        }
        return true;
    }
}
