using Dialer.Core.Dialing;
using Microsoft.Extensions.Caching.Memory;

namespace Dialer.Worker.Dialing;

/// <summary>
/// The furthest state this Worker has committed each recent attempt in, and whether it knew its call then. An attempt
/// only moves forward once its call exists, so a word from Twilio that brings it no further than a state committed
/// here, and names no call it did not know, cannot change it: it is answered before any lock or round trip (the
/// in-progress callback after the answer webhook, the create's answer after callbacks that overtook it, a duplicate
/// or late callback). Anything not seen here, or seen behind, takes the locked path as before.
/// </summary>
public sealed class AttemptsSeen(IMemoryCache cache)
{
    static readonly TimeSpan Kept = TimeSpan.FromMinutes(10);

    /// <summary>Called with an attempt as it was committed.</summary>
    public void Committed(CallAttempt attempt)
    {
        var key = Key(attempt.Id);
        var seen = new Seen(attempt.State, attempt.CallSid is not null);
        // two requests of one attempt may commit here in either order: each is a true lower bound, keep the furthest
        if (cache.TryGetValue(key, out Seen? was) && was is not null)
            seen = new Seen(was.State > seen.State ? was.State : seen.State, was.KnowsCall || seen.KnowsCall);
        cache.Set(key, seen, Kept);
    }

    /// <summary>True when a report of <paramref name="next"/> (naming a call or not) cannot change the attempt.
    /// </summary>
    public bool ChangesNothing(Guid attemptId, AttemptState next, bool namesCall) =>
        cache.TryGetValue(Key(attemptId), out Seen? seen) && seen is not null
        && seen.State >= AttemptState.Queued // before the call exists an attempt may go back to Created
        && (seen.State.IsFinal() || next <= seen.State)
        && (!namesCall || seen.KnowsCall);

    static (string, Guid) Key(Guid id) => ("attempt-seen", id);

    sealed record Seen(AttemptState State, bool KnowsCall);
}
