using Dialer.Core.Pacing;
using Dialer.Core.Pacing.Simulation;

var s = Scenario.Load(args[0]);
var seeds = int.Parse(args[1]);
var hours = double.Parse(args[2]);
foreach (var (name, make) in new (string, Func<object>)[] { ("progressive", () => new ProgressivePacer()), ("power2", () => new PowerPacer(2)), ("predictive", () => new Dialer.Core.Pacing.Predictive.PredictivePacer()) })
{
    var sw = System.Diagnostics.Stopwatch.StartNew();
    var r = SeedRuns.Run(s, make, s.Settings(DialingMode.Predictive), seeds, hours);
    var occ = Spread.Of(r, x => x.Occupancy, true);
    var ab = Spread.Of(r, x => x.AbandonRate, false);
    Console.WriteLine($"{s.Name} {name}: occ {occ.Mean:P1} (worst {occ.Worst:P1}) ab {ab.Mean:P2} / {ab.Worst:P2} hour {r.Max(x => x.WorstHourAbandonRate):P1} gap {r.Average(x => x.IdleGapSeconds):F1} lines {r.Average(x => x.LinesMean):F1}/{r.Max(x => x.LinesPeak)} {sw.ElapsedMilliseconds}ms");
}
