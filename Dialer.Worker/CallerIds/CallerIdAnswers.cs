using System.Collections.Concurrent;
using Dialer.Core.CallerIds;
using Dialer.Core.Data;

namespace Dialer.Worker.CallerIds;

/// <summary>
/// Answers per caller ID and day, added up in memory and written once a second, one UPDATE per number: every answer of
/// a campaign updates its number's one row of the day, and inside the answer's transaction that row was a queue every
/// answer waited in, holding its attempt's lock, past the answer's budget under load. The rest rule reads the counts a
/// second late at most; a Worker killed between two writes loses that second's answers (the rule then errs towards
/// resting a number early, never towards calling more).
/// </summary>
public sealed class CallerIdAnswers(IServiceScopeFactory scopes, ILogger<CallerIdAnswers> log) : BackgroundService
{
    readonly ConcurrentDictionary<(string Number, DateOnly Day), int> _pending = new();

    /// <summary>A call from <paramref name="number"/> placed at <paramref name="dialedAt"/> was answered.</summary>
    public void Add(string number, DateTimeOffset dialedAt) =>
        _pending.AddOrUpdate((number, CallerIdLedger.DayOf(number, dialedAt)), 1, (_, n) => n + 1);

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
        if (_pending.IsEmpty) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DialerDb>();
        foreach (var key in _pending.Keys)
        {
            if (!_pending.TryRemove(key, out var answers) || answers == 0) continue;
            try { await CallerIdLedger.CountAnswersAsync(db, key.Number, key.Day, answers, ct); }
            catch (Exception e)
            {
                _pending.AddOrUpdate(key, answers, (_, n) => n + answers); // tried again next second
                log.LogWarning(e, "Answers of a caller ID could not be counted; tried again in a second");
                return;
            }
        }
    }
}
