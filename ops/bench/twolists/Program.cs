namespace Dialer.Bench.TwoLists;

/// <summary>
/// ops/bench/twolists/run: a list of DIALER_BENCH_ROWS contacts attached to two running campaigns, claimed from both
/// at once until nothing is due, then checked from the database. Exits 1 on any violation.
/// </summary>
static class Program
{
    static async Task<int> Main(string[] args)
    {
        var (connection, rows, claimersEach) = (args[0], int.Parse(args[1]), int.Parse(args[2]));
        var run = await TwoListsRun.RunAsync(connection, rows, claimersEach, TwoCampaignDialing.RealClaim,
            Console.WriteLine, CancellationToken.None);
        var (d, c) = (run.Dialing, run.Checks);
        Console.WriteLine($"twolists: rows {rows:N0}, attach {string.Join(" s + ", run.World.AttachSeconds
            .Select(s => s.ToString("F1")))} s, {d.Claimed:N0} contacts claimed in {d.Seconds:F1} s by "
            + $"{claimersEach} claimers per campaign ({d.Claimed / d.Seconds:F0} claims/s; claim of 100 p50 "
            + $"{TwoListsRun.Percentile(d.ClaimMs, 0.5):F0} ms, p99 {TwoListsRun.Percentile(d.ClaimMs, 0.99):F0} ms; "
            + $"{d.Rounds} rounds); load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        foreach (var line in c.NotCalled) Console.WriteLine($"twolists: never called: {line}");
        Console.WriteLine($"twolists: contacts {rows}, campaigns 2, numbers dialed by both "
            + $"at once {c.NumbersDialedAtOnce}, numbers dialed by both one after the other "
            + $"{c.NumbersDialedByBoth:N0}, "
            + $"numbers over a per-person cap {c.NumbersOverPersonCap}, contacts over the campaign's 24-hour cap "
            + $"{c.ContactsOverCampaignCap}, most calls to a number {c.MostCallsToANumber}, calls unfinished "
            + $"{c.CallsUnfinished}, contacts unexplained {c.ContactsUnexplained}, attempts {c.Attempts:N0}");
        if (c.Ok) return 0;
        Console.WriteLine("twolists: FAILED");
        return 1;
    }
}
