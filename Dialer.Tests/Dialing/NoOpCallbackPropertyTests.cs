using Dialer.Core.Dialing;
using Dialer.Worker.Dialing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Caching.Memory;

namespace Dialer.Tests.Dialing;

/// <summary>
/// The Worker answers a callback from what it committed, without the row, only when the row could not have changed:
/// over generated runs of Twilio's words (callbacks and the create's answer, naming the call or not, in any order,
/// some applied by another Worker that this one never hears of), every word skipped would have changed nothing.
/// </summary>
public class NoOpCallbackPropertyTests
{
    static readonly AttemptState[] Reported =
    [
        AttemptState.Queued, AttemptState.Initiated, AttemptState.Ringing, AttemptState.InProgress,
        AttemptState.Completed, AttemptState.Busy, AttemptState.NoAnswer, AttemptState.Failed,
    ];

    public sealed record Word(AttemptState State, bool NamesCall, bool HeardHere);

    static Gen<List<Word>> Runs() =>
        from length in Gen.Choose(1, 12)
        from words in Gen.ListOf(
            from state in Gen.Elements(Reported)
            from namesCall in Gen.Elements(true, false)
            from heardHere in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
            select new Word(state, namesCall, heardHere), length)
        select words.ToList();

    [Property(MaxTest = 3_000)]
    public Property A_skipped_word_would_have_changed_nothing() => Prop.ForAll(Runs().ToArbitrary(), words =>
    {
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var seen = new AttemptsSeen(cache);
        var at = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
        var attempt = new CallAttempt
        {
            Id = Guid.NewGuid(), CampaignId = Guid.NewGuid(), ContactId = 1, State = AttemptState.Dialing,
            CreatedAt = at, DialedAt = at,
        };
        foreach (var word in words)
        {
            at = at.AddSeconds(1);
            var skipped = word.HeardHere && seen.ChangesNothing(attempt.Id, word.State, word.NamesCall);
            // as TwilioWebhooks.Status and the create's answer change it; false leaves it untouched
            var adopted = word.NamesCall && attempt.AdoptCall("CA" + new string('7', 32));
            var changed = attempt.Advance(word.State, at) || adopted;
            if (skipped && changed) return false.Label($"skipped {word}, which changed the attempt");
            if (changed && word.HeardHere) seen.Committed(attempt);
        }
        return true.ToProperty();
    });

    [Fact]
    public void An_attempt_before_its_call_exists_is_never_skipped()
    {
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var seen = new AttemptsSeen(cache);
        var attempt = new CallAttempt { Id = Guid.NewGuid(), State = AttemptState.Dialing };
        seen.Committed(attempt);

        // a Dialing attempt may go back to Created (its request never left) and be dialed again
        Assert.False(seen.ChangesNothing(attempt.Id, AttemptState.Dialing, false));
        Assert.False(seen.ChangesNothing(Guid.NewGuid(), AttemptState.Queued, false));
    }
}
