using Dialer.Core.Agents;
using Dialer.Core.Auth;
using Dialer.Core.Campaigns;
using Dialer.Core.Dialing;
using Dialer.Core.Recordings;
using Dialer.Tests.Agents;
using Dialer.Tests.Supervision;
using Dialer.TwilioSimulator.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Recordings;

/// <summary>Campaigns that record, agents who talk a few seconds, and the Api on the same simulator to list and play
/// the recordings.</summary>
public sealed class RecordedCalls : AgentsWorld
{
    public SupervisionApiHost Api { get; private set; } = null!;

    protected override SimulatorOptions SimulatorSettings()
    {
        var options = Patient(FastSimulator());
        options.Agents = new AgentOptions { AnswerDelay = new(50, 100), TalkTime = new(2500, 3000) };
        return options;
    }

    // no sweep of its own during the tests: they run it when they mean to
    protected override IDictionary<string, string?> WorkerSettings() =>
        new Dictionary<string, string?>(base.WorkerSettings())
        {
            ["Recordings:SweepEveryMinutes"] = "1440",
            ["Recordings:BatchSize"] = "2",
            ["Retention:Enabled"] = "true",
            ["Retention:SweepEveryMinutes"] = "10080",
            ["Retention:BatchSize"] = "2",
        };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Api = new SupervisionApiHost(Database.ConnectionString, Simulator.BaseAddress, Worker.PublicUrl);
        await Api.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>One answered call of a recording campaign, taken by a fresh agent (who has an Api key), ended, its
    /// recording complete.</summary>
    public async Task<(CallAttempt Attempt, Agent Agent, string AgentKey, CallRecording Recording)> RecordedCallAsync(
        int retentionDays = 30)
    {
        var (campaign, _) = await RunningCampaignAsync(1, s => s with
        {
            Recording = new RecordingSettings
            {
                Enabled = true, Notice = "This call is recorded.",
                RetentionDays = retentionDays
            },
        });
        var agent = await AvailableAgentAsync([campaign.Id]);
        var name = "Rita " + Guid.NewGuid().ToString("N")[..6];
        await using (var db = Db())
            await db.Agents.Where(a => a.Id == agent.Id).ExecuteUpdateAsync(a => a.SetProperty(x => x.Name, name));
        var (_, key) = await Api.AddUserAsync(Role.Agent, name, agent.Id);
        var attempt = Assert.Single(await DialAsync(campaign, 1));
        var ended = Assert.Single(await WaitForAttemptsAsync([attempt.Id], a => a.IsFinal));
        var recording = await WaitForRecordingAsync(attempt.Id, r => r.Status != RecordingStatus.InProgress);
        return (ended, await AgentAsync(agent.Id), key, recording);
    }

    public async Task<CallRecording> WaitForRecordingAsync(Guid attemptId, Func<CallRecording, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var db = Db();
            if (await db.CallRecordings.AsNoTracking().FirstOrDefaultAsync(r => r.AttemptId == attemptId) is { } r
                && done(r)) return r;
            if (DateTime.UtcNow > deadline) throw new TimeoutException(
                $"The recording of attempt {attemptId} did not settle");
            await Task.Delay(100);
        }
    }
}
