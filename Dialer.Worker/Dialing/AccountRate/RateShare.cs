namespace Dialer.Worker.Dialing.AccountRate;

/// <summary>
/// This Worker's whole calls per calendar second of the account's rate, from what its last heartbeat saw: the rate's
/// whole calls divided among the live Workers, and the remainder one each to as many Workers, a different few each
/// second by their rank (their order by lease id), so that every second's quotas add up to the rate and no Worker
/// waits for ever when there are fewer calls a second than Workers. A Worker that joins others dials nothing until
/// every one of them has had a heartbeat to see it and shrink its own quota; until then theirs already add up to the
/// whole. When a Worker leaves, the others see it at their own heartbeats: between them, with a remainder, a second
/// may hold one call more than the rate.
/// </summary>
public static class RateShare
{
    /// <param name="Base">calls every second</param>
    /// <param name="Extra">the remainder, handed round the <paramref name="Workers"/></param>
    public readonly record struct Quota(int Base, int Extra, int Rank, int Workers)
    {
        public static Quota Whole(int calls) => new(Math.Max(0, calls), 0, 0, 1);

        /// <summary>Calls this Worker may make in the calendar second <paramref name="second"/>.</summary>
        public int In(long second) => Base + (Extra > 0 && (second % Workers + Rank) % Workers < Extra ? 1 : 0);

        public double PerSecond => Base + (double)Extra / Workers;
    }

    public static Quota Of(double accountRate, int liveWorkers, int rank, bool seenByAll)
    {
        var whole = (int)Math.Floor(accountRate);
        if (liveWorkers <= 1) return Quota.Whole(whole);
        if (!seenByAll) return Quota.Whole(0);
        return new(whole / liveWorkers, whole % liveWorkers, rank, liveWorkers);
    }
}
