using System.Diagnostics;
using Dialer.Contracts;
using Dialer.TwilioSimulator.Hosting;
using MassTransit;

namespace Dialer.Bench.Dial;

/// <summary>One step of the bench: its attempts published at a steady rate (or all at once), timed to Twilio.</summary>
public static class DialStep
{
    /// <param name="Offered">calls a second offered; null: all at once</param>
    /// <param name="Placed">calls placed a second, from the first publish to the last request</param>
    public sealed record Result(int? Offered, int Count, int Calls, double Placed, double P50, double P99, string Cpu)
    {
        /// <summary>The Worker kept up: every call placed, at 90% of the offered rate or more.</summary>
        public bool Kept => Calls == Count && (Offered is null || Placed >= 0.9 * Offered);

        public override string ToString() =>
            $"{(Offered is { } r ? $"offered {r}/s" : "burst, all at once")}: {Calls} of {Count} calls placed at " +
            $"{Placed:F1}/s; publish -> Twilio request p50 {P50:F0} ms, p99 {P99:F0} ms; CPU per call: {Cpu}";
    }

    public static async Task<Result> RunAsync(IBus bus, SimulatorHost sim, MachineCpu cpu, List<SeededAttempt> step,
        int? rate, Dictionary<Guid, DateTimeOffset> published, int timeoutSeconds)
    {
        var before = cpu.Read();
        var callsBefore = sim.Calls.Stats().Total;
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (sent < step.Count)
        {
            var due = rate is { } r ? Math.Min(step.Count, (int)(r * clock.Elapsed.TotalSeconds) + 1) : step.Count;
            if (due > sent)
            {
                var batch = step.GetRange(sent, due - sent);
                var now = DateTimeOffset.UtcNow;
                foreach (var a in batch) published[a.AttemptId] = now;
                foreach (var chunk in batch.Chunk(500))
                    await bus.PublishBatch(chunk.Select(a => new PlaceCall(a.AttemptId, a.CampaignId)));
                sent = due;
            }
            else await Task.Delay(5);
        }
        var deadline = TimeSpan.FromSeconds(timeoutSeconds) + clock.Elapsed;
        while (sim.Calls.Stats().Total - callsBefore < step.Count && clock.Elapsed < deadline) await Task.Delay(100);
        await Task.Delay(TimeSpan.FromSeconds(6)); // the calls ring and end: their callbacks are part of their cost
        var spent = cpu.Read().Since(before);

        var phones = step.ToDictionary(a => a.Phone, a => a.AttemptId);
        var calls = sim.Calls.Snapshot().Where(c => phones.ContainsKey(c.To)).ToList();
        var latencies = calls.Select(c => (c.CreatedAt - published[phones[c.To]]).TotalMilliseconds).Order().ToArray();
        var first = step.Min(a => published[a.AttemptId]);
        var seconds = calls.Count == 0 ? 1 : Math.Max(0.001, (calls.Max(c => c.CreatedAt) - first).TotalSeconds);
        return new Result(rate, step.Count, calls.Count, calls.Count / seconds, Percentile(latencies, 0.5),
            Percentile(latencies, 0.99), spent.PerCall(calls.Count));
    }

    static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
