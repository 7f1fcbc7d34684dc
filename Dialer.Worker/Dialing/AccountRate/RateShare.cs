namespace Dialer.Worker.Dialing.AccountRate;

/// <summary>
/// This Worker's whole calls a second of the account's rate, from what its last heartbeat saw: the rate's whole calls
/// divided among the live Workers, the remainder one each to the first by lease id (<paramref name="rank"/>), so the
/// quotas add up to the rate. A Worker that joins others dials nothing until every one of them has had a heartbeat to
/// see it and shrink its own quota; until then theirs already add up to the whole. When a Worker leaves, each of the
/// others' quotas only grows, so while some have seen it go and some not, they add up to less than the whole.
/// </summary>
public static class RateShare
{
    public static int Of(double accountRate, int liveWorkers, int rank, bool seenByAll)
    {
        var whole = (int)Math.Floor(accountRate);
        if (liveWorkers <= 1) return whole;
        if (!seenByAll) return 0;
        return whole / liveWorkers + (rank < whole % liveWorkers ? 1 : 0);
    }
}
