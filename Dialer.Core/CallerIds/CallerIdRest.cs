namespace Dialer.Core.CallerIds;

/// <summary>
/// When a number has worn out its welcome for the day. Carriers label a number that calls too much as spam and their
/// customers stop answering it: its answer rate falls well below the rest of the pool's. Precisely: once it has
/// placed at least <see cref="CallerIdPool.RestAfterCalls"/> calls in its local day (counted since a manager last
/// cleared its rest), and its answer rate over those calls is below half the pool's over the whole day (every number of
/// the pool, itself included), it rests until its next local day. A pool nobody answers rests no number: that is the
/// list, not the number.
/// </summary>
public static class CallerIdRest
{
    /// <summary>The share of the pool's answer rate under which a number rests.</summary>
    public const double Fraction = 0.5;

    public static bool IsDue(string number, IReadOnlyDictionary<string, NumberUse> pool, int restAfterCalls)
    {
        var use = pool.GetValueOrDefault(number, NumberUse.None);
        if (use.Rested) return false;
        long calls = use.Calls - use.ClearedCalls, answers = use.Answers - use.ClearedAnswers;
        if (calls < restAfterCalls) return false;
        long poolCalls = pool.Values.Sum(u => (long)u.Calls), poolAnswers = pool.Values.Sum(u => (long)u.Answers);
        if (poolCalls == 0 || poolAnswers == 0) return false;
        // answers / calls < Fraction * poolAnswers / poolCalls, in integers (Fraction is one half)
        return 2 * answers * poolCalls < calls * poolAnswers;
    }
}
