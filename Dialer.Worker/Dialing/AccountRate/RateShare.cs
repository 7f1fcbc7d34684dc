namespace Dialer.Worker.Dialing.AccountRate;

/// <summary>
/// This Worker's part of the account's calls per second, from what its last heartbeat saw. A Worker that joins others
/// dials nothing until every one of them has had a heartbeat to see it and shrink its own part; until then their
/// parts already add up to the whole. A Worker alone takes the whole at once.
/// </summary>
public static class RateShare
{
    public static double Of(double accountRate, int liveWorkers, bool seenByAll) =>
        liveWorkers <= 1 ? accountRate
        : seenByAll ? accountRate / liveWorkers
        : 0;
}
