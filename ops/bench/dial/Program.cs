using System.Diagnostics;
using Dialer.Bench.Dial;
using Dialer.Contracts;
using Dialer.TwilioSimulator.Hosting;
using MassTransit;

// Pushes N PlaceCall messages through RabbitMQ to a running Worker, which dials the in-process simulator
// through the Twilio SDK. Prints calls placed per second and publish-to-Twilio-request latency.
var options = BenchOptions.Parse(args);
await using var sim = await SimulatorHost.StartAsync(BenchWorld.SimulatorSettings(), $"http://127.0.0.1:{options.SimPort}");
var world = new BenchWorld(options.ConnectionString);
var attempts = await world.SeedAsync(options.Calls);
Console.Error.WriteLine($"dial bench: {attempts.Count} attempts ready; worker must dial {sim.BaseAddress}");

var bus = BenchWorld.Bus(options);
await bus.StartAsync();
var published = new Dictionary<Guid, DateTimeOffset>(attempts.Count);
var clock = Stopwatch.StartNew();
foreach (var batch in attempts.Chunk(500))
{
    var now = DateTimeOffset.UtcNow;
    foreach (var a in batch) published[a.AttemptId] = now;
    await bus.PublishBatch(batch.Select(a => new PlaceCall(a.AttemptId, a.CampaignId)));
}

var byPhone = attempts.ToDictionary(a => a.Phone, a => a.AttemptId);
var deadline = TimeSpan.FromSeconds(options.TimeoutSeconds);
while (sim.Calls.Stats().Total < attempts.Count && clock.Elapsed < deadline) await Task.Delay(100);
var calls = sim.Calls.Snapshot().Where(c => byPhone.ContainsKey(c.To)).ToList();
await bus.StopAsync();

var latencies = calls.Select(c => (c.CreatedAt - published[byPhone[c.To]]).TotalMilliseconds).Order().ToArray();
var first = published.Values.Min();
var last = calls.Max(c => c.CreatedAt);
var rate = calls.Count / Math.Max(0.001, (last - first).TotalSeconds);
var doubled = calls.GroupBy(c => c.To).Count(g => g.Count() > 1);
Console.WriteLine($"calls placed {calls.Count} of {attempts.Count}, numbers called twice {doubled}");
Console.WriteLine($"latency publish -> Twilio request: p50 {Percentile(latencies, 0.5):F0} ms, p90 {Percentile(latencies, 0.9):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms");
Console.WriteLine($"dial: {rate:F0} calls/s, p50 {Percentile(latencies, 0.5):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms");
await sim.DisposeAsync(); // calls still ringing end here, so nothing touches the rows being removed
await Task.Delay(2000);
await world.CleanUpAsync();
return calls.Count == attempts.Count && doubled == 0 ? 0 : 1;

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
