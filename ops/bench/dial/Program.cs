using System.Diagnostics;
using Dialer.Bench.Dial;
using Dialer.Contracts;
using Dialer.TwilioSimulator.Hosting;

// PlaceCall messages offered through RabbitMQ at steady rates, step by step, to a running Worker, which dials the
// in-process simulator through the Twilio SDK; then one burst, all published at once, for the most it places a
// second. Per step: publish -> Twilio request latency and the CPU each process spent per call (the whole call: the
// dial, its callbacks and its answer). The last line names the highest offered rate whose p99 stayed under 100 ms.
var options = BenchOptions.Parse(args);
await using var sim = await SimulatorHost.StartAsync(BenchWorld.SimulatorSettings(), $"http://127.0.0.1:{options.SimPort}");
var world = new BenchWorld(options.ConnectionString);
var stepSizes = options.Rates.Select(r => r * options.StepSeconds).Append(options.Calls).ToList();
var attempts = await world.SeedAsync(stepSizes.Sum());
Console.Error.WriteLine($"dial bench: {attempts.Count} attempts ready; worker must dial {sim.BaseAddress}");

var bus = BenchWorld.Bus(options);
await bus.StartAsync();
var cpu = new MachineCpu(options.WorkerPid);
var published = new Dictionary<Guid, DateTimeOffset>(attempts.Count);
var results = new List<DialStep.Result>();
var offset = 0;
foreach (var rate in options.Rates)
{
    var step = attempts.GetRange(offset, rate * options.StepSeconds);
    offset += step.Count;
    var result = await DialStep.RunAsync(bus, sim, cpu, step, rate, published, options.TimeoutSeconds);
    results.Add(result);
    Console.WriteLine(result);
    if (!result.Kept) break; // past saturation every further step measures only its backlog
}
var burst = await DialStep.RunAsync(bus, sim, cpu, attempts.GetRange(stepSizes.Take(stepSizes.Count - 1).Sum(),
    options.Calls), null, published, options.TimeoutSeconds);
Console.WriteLine(burst);
await bus.StopAsync();

var kept = results.Where(r => r.Kept && r.P99 < 100).MaxBy(r => r.Offered);
Console.WriteLine(kept is null
    ? $"dial: p99 over 100 ms at every offered rate; at most {burst.Placed:F0} calls/s (burst)"
    : $"dial: {kept.Offered} calls/s, p50 {kept.P50:F0} ms, p99 {kept.P99:F0} ms (highest offered rate with p99 under " +
      $"100 ms; at most {burst.Placed:F0} calls/s in the burst)");
var doubled = sim.Calls.Snapshot().GroupBy(c => c.To).Count(g => g.Count() > 1);
var lost = results.Append(burst).Sum(r => r.Count - r.Calls);
Console.WriteLine($"numbers called twice {doubled}, calls not placed {lost}");
await sim.DisposeAsync(); // calls still ringing end here, so nothing touches the rows being removed
await Task.Delay(2000);
await world.CleanUpAsync();
return doubled == 0 && lost == 0 ? 0 : 1;
