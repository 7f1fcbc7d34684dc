using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Dialer.Worker.Dialing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dialer.Tests.Dialing;

/// <summary>The reconciler's Worker with every log line kept.</summary>
public sealed class ReconcilerLogWorld : DialingWorld
{
    public LogCapture Lines { get; } = new("worker");

    protected override ILoggerProvider? WorkerLogs() => Lines;
}

/// <summary>
/// A lookup by number that times out fails with the request's URL in its message, the number in its query: the
/// reconciler's log of that failure must not carry it (a fresh-clone run under load found it in clear).
/// </summary>
public sealed class ReconcilerLogTests(ReconcilerLogWorld world) : IClassFixture<ReconcilerLogWorld>
{
    [Fact]
    public async Task A_lookup_by_number_that_times_out_is_logged_without_the_number()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1);
        var attempt = CallAttempt.Create(campaign.Id, contacts[0].Id, DateTimeOffset.UtcNow.AddMinutes(-2));
        attempt.State = AttemptState.Dialing;
        attempt.DialedAt = attempt.CreatedAt;
        attempt.Advance(AttemptState.InProgress, attempt.CreatedAt);
        await using (var db = world.Db())
        {
            db.CallAttempts.Add(attempt);
            await db.SaveChangesAsync();
        }
        // past the Worker's 2 s request timeout: the lookup fails with Twilio's connection error
        world.Simulator.Faults.Apply(SimFaults.Patch(apiLatencyMs: 4000));
        try
        {
            await world.Worker.Services.GetServices<IHostedService>().OfType<AttemptReconciler>().Single()
                .RunOnceAsync(default);
        }
        finally { world.Simulator.Faults.Reset(); }

        var national = contacts[0].Phone[2..]; // the digits after +1, as the query carries them
        var failures = world.Lines.Lines.Where(l => l.Category.Contains("AttemptReconciler")).ToList();
        Assert.Contains(failures, l => l.Texts.Any(t => t.Contains("could not be reconciled")));
        var leaks = failures.Where(l => l.Texts.Any(t => t.Contains(national))).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }
}
