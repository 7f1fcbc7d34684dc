using Dialer.Core.Campaigns;
using Dialer.Core.Changes;
using Dialer.Core.Data;
using Dialer.Core.Dialing;

namespace Dialer.Bench.Claim;

/// <summary>The two claims the bench compares, and how it prints a set of timings.</summary>
public static class ClaimBench
{
    /// <returns>how many contacts it claimed</returns>
    public delegate Task<int> Claim(DialerDb db, StateChanges changes, Campaign campaign, int wanted);

    public static readonly Claim Now = async (db, changes, campaign, wanted) =>
        (await new ContactClaimer(db).ClaimAsync(changes, campaign, wanted, CancellationToken.None)).Count;

    public static readonly Claim Baseline = (db, changes, campaign, wanted) =>
        new BaselineClaimer(db).ClaimAsync(changes, campaign, wanted, CancellationToken.None);

    public static string Figures(double[] sorted) => $"p50 {P(sorted, 0.5):F1} ms, p99 {P(sorted, 0.99):F1} ms";

    static double P(double[] sorted, double q) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
