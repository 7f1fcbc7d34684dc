using System.Diagnostics;
using Dialer.Bench.Claim;
using Dialer.Core.Changes;
using Dialer.Core.Dialing;

// N claimers at once, each claiming `wanted` due contacts of one huge campaign through the real ContactClaimer (lock,
// permit, attempt rows and their PlaceCall in the outbox, commit), timed one claim at a time; before it, the same with
// the claim as it was (BaselineClaimer), so both are measured in one run on the same data and the same machine load.
var connection = args[0];
var rows = long.Parse(args[1]);
var claimers = int.Parse(args[2]);
var claimsEach = int.Parse(args[3]);
var ticks = args.Length > 5 ? int.Parse(args[5]) : 0;
var baseline = Environment.GetEnvironmentVariable("DIALER_BENCH_BASELINE") != "0";
const int Wanted = 100;

var world = new ClaimWorld(connection);
var setup = Stopwatch.StartNew();
var campaign = await world.ReadyAsync(rows, ClaimWorld.ZoneInDaytime());
Console.Error.WriteLine($"claim bench: {rows:N0} contacts ready in {setup.Elapsed.TotalSeconds:F0} s");

var signal = new OutboxSignal();
if (Environment.GetEnvironmentVariable("DIALER_BENCH_TRACE") == "1")
    for (var i = 0; i < 3; i++)
    {
        await using var db = world.TracedDb();
        var clock = Stopwatch.StartNew();
        await new ContactClaimer(db).ClaimAsync(new StateChanges(db, signal, TimeProvider.System), campaign, Wanted,
            CancellationToken.None);
        Console.Error.WriteLine($"traced claim: {clock.Elapsed.TotalMilliseconds:F1} ms");
    }

async Task<double[]> ClaimRunAsync(string name, ClaimBench.Claim claim)
{
    var claimed = 0;
    var start = new TaskCompletionSource();
    var runs = Enumerable.Range(0, claimers).Select(async _ =>
    {
        await start.Task;
        var times = new List<double>(claimsEach);
        for (var i = 0; i < claimsEach; i++)
        {
            await using var db = world.Db();
            var clock = Stopwatch.StartNew();
            var count = await claim(db, new StateChanges(db, signal, TimeProvider.System), campaign, Wanted);
            times.Add(clock.Elapsed.TotalMilliseconds);
            Interlocked.Add(ref claimed, count);
        }
        return times;
    }).ToList();
    var cpu = new CpuMeter(connection);
    var cpuAtStart = await cpu.ReadAsync();
    var wall = Stopwatch.StartNew();
    start.SetResult();
    var all = (await Task.WhenAll(runs)).SelectMany(t => t).Order().ToArray();
    var elapsed = wall.Elapsed;
    var (process, database) = (await cpu.ReadAsync()).Since(cpuAtStart);
    Console.WriteLine($"{name}: {all.Length} claims of {Wanted} by {claimers} claimers at once among {rows:N0} " +
        $"contacts: {claimed:N0} contacts claimed in {elapsed.TotalSeconds:F1} s; CPU per claim " +
        $"{process.TotalMilliseconds / all.Length:F1} ms here and " +
        $"{database.TotalMilliseconds / all.Length:F1} ms in PostgreSQL; load average " +
        $"{File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    if (claimed < all.Length * Wanted) Console.Error.WriteLine("claim bench: fewer due contacts than claims wanted");
    return all;
}

if (baseline)
{
    var before = await ClaimRunAsync("before", ClaimBench.Baseline);
    Console.WriteLine($"claim before: {ClaimBench.Figures(before)}");
}
var after = await ClaimRunAsync("now", ClaimBench.Now);
if (ticks > 0)
{
    if (baseline)
    {
        var beforeTicks = await TickBench.RunAsync(connection, args[4], campaign, ticks, ClaimBench.Baseline);
        Console.WriteLine($"tick before: {ClaimBench.Figures(beforeTicks)}");
    }
    var afterTicks = await TickBench.RunAsync(connection, args[4], campaign, ticks, ClaimBench.Now);
    Console.WriteLine($"tick: {ClaimBench.Figures(afterTicks)} (decide, claim and publish 100 lines; {ticks} ticks " +
        "one after another)");
}
Console.WriteLine($"claim: {ClaimBench.Figures(after)}");
