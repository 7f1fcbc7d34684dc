using System.Diagnostics;
using Dialer.Bench.Pacing;
using Dialer.Bench.Pacing.Report;
using Dialer.Core.Pacing.Simulation;

// Usage: PacingBench [scenario.json ...] [--seeds N] [--hours H] [--out FILE] [--policy NAME[,NAME]]
var options = BenchOptions.Parse(args);
var results = new List<ScenarioResult>();
foreach (var path in options.ScenarioFiles)
{
    var scenario = Scenario.Load(path);
    var seeds = options.Seeds ?? scenario.Seeds;
    var hours = options.Hours ?? scenario.Hours;
    var clock = Stopwatch.StartNew();
    var policies = options.Policies.Select(p => Policies.Run(p, scenario, seeds, hours)).ToList();
    var result = new ScenarioResult(scenario.Name, seeds, hours, policies);
    results.Add(result);
    Console.WriteLine(Table.Render(result));
    Console.Error.WriteLine($"({scenario.Name}: {clock.Elapsed.TotalSeconds:F0} s)");
}
if (options.Out is { } output)
{
    File.WriteAllText(output, JsonReport.Render(results));
    Console.Error.WriteLine($"wrote {output}");
}
