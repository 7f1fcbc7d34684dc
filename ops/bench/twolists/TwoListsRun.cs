namespace Dialer.Bench.TwoLists;

/// <summary>The whole bench, for ops/bench/twolists/run and for its small copy in the tests: make, dial, check.
/// </summary>
public static class TwoListsRun
{
    public sealed record Outcome(TwoListsWorld.Ready World, TwoCampaignDialing.Result Dialing,
        SharedNumberChecks.Report Checks);

    /// <summary>Every number is inside its calling hours for this long from the start: the run must end within it.
    /// </summary>
    public static readonly TimeSpan Open = TimeSpan.FromHours(2);

    public static async Task<Outcome> RunAsync(string connectionString, int rows, int claimersEach,
        TwoCampaignDialing.Claim claim, Action<string> log, CancellationToken ct)
    {
        var clock = new BenchClock();
        var world = new TwoListsWorld(connectionString);
        var ready = await world.MakeAsync(rows, Open, clock, ct);
        log($"twolists: list of {rows:N0} rows generated in {ready.GenerateSeconds:F1} s, numbers in "
            + string.Join(", ", ready.Ranges.Select(r => $"{r.Prefix} ({string.Join('/', r.Zones)}"
                + (r.PersonCap is { } cap ? $", {cap} calls per person" : "") + ")")));
        log($"twolists: attached to 2 running campaigns in "
            + string.Join(" s and ", ready.AttachSeconds.Select(s => s.ToString("F1"))) + " s");
        var dialing = await new TwoCampaignDialing(world.Db, clock, claimersEach)
            .RunAsync(ready.Campaigns, claim, ct);
        await using var db = world.Db();
        var checks = await SharedNumberChecks.RunAsync(db, ready.Campaigns, ready.Ranges, ct);
        return new Outcome(ready, dialing, checks);
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
