using System.Diagnostics;
using Dialer.Core.Agents;
using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.TwilioSimulator.Callbacks;
using Dialer.TwilioSimulator.Hosting;
using Xunit.Abstractions;

namespace Dialer.Tests.Agents;

/// <summary>Agents who pick up at once, so answer-to-agent measures the engine and the telephony, not a person's
/// reflexes.</summary>
public sealed class InstantAgents : AgentsWorld
{
    protected override SimulatorOptions SimulatorSettings()
    {
        var options = Patient(FastSimulator());
        options.Agents = new AgentOptions { AnswerDelay = new(0, 1), TalkTime = new(200, 300) };
        return options;
    }

    // the webhook's attempts stand ringing, SIDs Twilio never heard of, while the bench answers them one by one: the
    // tests' long-call check (8 s) would look them up and end them as lost once setting up 1,000 takes longer
    protected override IDictionary<string, string?> WorkerSettings() =>
        new Dictionary<string, string?>(base.WorkerSettings()) { ["Twilio:StaleCallCheckSeconds"] = "600" };
}

/// <summary>
/// The answer webhook's latency (arrival to TwiML, measured by the caller over loopback HTTP) and answer-to-agent
/// (the customer's answer to their joining the agent's open line). ops/bench/answer/run runs this with more answers.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    /// <summary>Timings taken while other tests load the machine measure the other tests.</summary>
    public const string Name = "alone";
}

[Collection(AloneCollection.Name)]
public sealed class AnswerLatencyTests(InstantAgents world, ITestOutputHelper output) : IClassFixture<InstantAgents>
{
    static int Concurrency => int.TryParse(Environment.GetEnvironmentVariable("BENCH_CONCURRENCY"), out var n) ? n : 8;

    static int Answers => int.TryParse(Environment.GetEnvironmentVariable("BENCH_ANSWERS"), out var n) ? n : 200;

    /// <summary>The calls' steady offered rate; 0 dials all 40 at once (their answers then come within 200 ms, and
    /// the figure is the 2 cores' queue for that burst).</summary>
    static double CallsPerSecond =>
        double.TryParse(Environment.GetEnvironmentVariable("BENCH_CALLS_PER_SECOND"), out var n) ? n : 10;

    [Fact]
    public async Task The_answer_webhook_reserves_an_agent_and_answers_within_milliseconds()
    {
        var (campaign, _) = await world.RunningCampaignAsync(0);
        await world.AvailableAgentsAsync(campaign.Id, Answers + 20);
        var attempts = await RingingAttemptsAsync(campaign.Id, Answers + 20);
        using var http = new HttpClient();

        foreach (var warm in attempts.Take(20)) await AnswerAsync(http, warm); // JIT, EF's query cache, the pool
        MarkPhase("webhook");
        var times = new List<double>();
        await Parallel.ForEachAsync(attempts.Skip(20), new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
            async (id, _) =>
        {
            var ms = await AnswerAsync(http, id);
            lock (times) times.Add(ms);
        });

        MarkPhase("calls");
        var (calls, _) = await world.RunningCampaignAsync(40);
        await world.AvailableAgentsAsync(calls.Id, 200);
        var dialed = await DialSteadilyAsync(calls, 40);
        var bridged = await world.WaitForAttemptsAsync(dialed.Select(a => a.Id), a => a.IsFinal,
            TimeSpan.FromSeconds(60));
        var toAgent = bridged.Where(a => a.BridgedAt is not null)
            .Select(a => (a.BridgedAt!.Value - a.AnsweredAt!.Value).TotalMilliseconds).ToList();

        var line = $"answer: webhook p50 {P(times, 50):0.0} ms, p99 {P(times, 99):0.0} ms; agent p50 "
            + $"{P(toAgent, 50):0} ms, p99 {P(toAgent, 99):0} ms" +
                   $" ({times.Count} webhook answers, {toAgent.Count} bridged calls, "
            + (CallsPerSecond > 0 ? $"{CallsPerSecond:0.#} calls/s)" : "dialed at once)");
        output.WriteLine(line);
        Console.WriteLine(line);
        // an answer past its budget on a loaded machine gives its customer the message instead (AnswerFallbackTests,
        // the chaos run's "silent"): how many reached an agent is the bench's figure, with a margin on a shared machine
        Assert.True(toAgent.Count >= 36, line);
        // the target is p99 under 20 ms; this bound only catches a gross regression on a shared, busy CI machine
        Assert.True(P(times, 99) < 1000, line);
    }

    async Task<List<CallAttempt>> DialSteadilyAsync(Campaign campaign, int calls)
    {
        if (CallsPerSecond <= 0) return await world.DialAsync(campaign, calls);
        var dialed = new List<CallAttempt>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            var due = TimeSpan.FromSeconds(i / CallsPerSecond) - clock.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due);
            dialed.AddRange(await world.DialAsync(campaign, 1));
        }
        return dialed;
    }

    /// <summary>For a profiler started by hand: BENCH_PHASE_FILE names a file that holds the phase running now.
    /// </summary>
    static void MarkPhase(string phase)
    {
        if (Environment.GetEnvironmentVariable("BENCH_PHASE_FILE") is { Length: > 0 } file)
            File.WriteAllText(file, phase);
    }

    async Task<double> AnswerAsync(HttpClient http, Guid attemptId)
    {
        var url = $"{world.Worker.PublicUrl}/twilio/answer/{attemptId}";
        List<KeyValuePair<string, string>> form = [new("CallSid", "CA" + attemptId.ToString("N")),
            new("CallStatus", "in-progress"), new("AnsweredBy", "human")];
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.TryAddWithoutValidation(WebhookSigner.Header,
            WebhookSigner.Sign("simulator-auth-token", url, form));
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var ms = clock.Elapsed.TotalMilliseconds;
        Assert.True(response.IsSuccessStatusCode && body.Contains("<Conference"), body);
        return ms;
    }

    async Task<List<Guid>> RingingAttemptsAsync(Guid campaignId, int count)
    {
        await using var db = world.Db();
        var now = DateTimeOffset.UtcNow;
        var contacts = Enumerable.Range(0, count).Select(i => new Contact
        {
            CampaignId = campaignId, Phone = $"+1415{i:D7}", TimeZones = ["America/Chicago"],
            Status = ContactStatus.Dialing, CreatedAt = now,
        }).ToList();
        db.Contacts.AddRange(contacts);
        await db.SaveChangesAsync();
        var attempts = contacts.Select(c =>
        {
            var a = CallAttempt.Create(campaignId, c.Id, now);
            // as Twilio's create left it: a ringing call has its SID (one without is the reconciler's to look up)
            (a.State, a.DialedAt, a.CallSid) = (AttemptState.Ringing, now, "CA" + a.Id.ToString("N"));
            return a;
        }).ToList();
        db.CallAttempts.AddRange(attempts);
        await db.SaveChangesAsync();
        return attempts.Select(a => a.Id).ToList();
    }

    static double P(List<double> values, int percentile)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
