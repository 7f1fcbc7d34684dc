using Dialer.Core.Changes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dialer.Core.Dialing.Fallback;

/// <summary>Records the remembered fallback answers, oldest first, as soon as the database takes them again.</summary>
public sealed class UnrecordedAnswersRecorder(UnrecordedAnswers answers, IServiceScopeFactory scopes,
    TimeProvider clock, ILogger<UnrecordedAnswersRecorder> log) : BackgroundService
{
    static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Every, clock);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try { await RecordWaitingAsync(ct); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "{Count} fallback answers still wait for the database", answers.Count);
            }
        }
    }

    public async Task RecordWaitingAsync(CancellationToken ct)
    {
        var waiting = answers.TakeAll();
        for (var i = 0; i < waiting.Count; i++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await waiting[i].RecordAsync(scope.ServiceProvider.GetRequiredService<StateChanges>(), ct);
                log.LogInformation("Attempt {AttemptId}: its fallback answer at {At} recorded late",
                    waiting[i].AttemptId, waiting[i].At);
            }
            catch
            {
                foreach (var answer in waiting.Skip(i)) answers.Remember(answer); // the database is still away
                throw;
            }
        }
    }
}
