using Dialer.Core.CallerIds;
using Dialer.Core.Campaigns;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dialer.Tests.CallerIds;

/// <summary>
/// Generated pools (numbers of a few area codes and countries, calls, answers, caps, rests) and customers: the choice
/// never names a number at its cap, resting or due to rest, or outside the pool; it names one whenever one may call;
/// and it prefers a local number, then the default.
/// </summary>
public class CallerIdChoicePropertyTests
{
    static readonly string[] Places = ["+1415555", "+1212555", "+1312555", "+44207946", "+3491123", "+52551234"];

    static string Number(int place, int line) => Places[place % Places.Length] + (1000 + line % 9000).ToString("D4");

    public sealed record World(CampaignSettings Settings, Dictionary<string, NumberUse> Today, string Customer);

    static Gen<World> Worlds() =>
        from size in Gen.Choose(0, 8)
        from places in Gen.ArrayOf(Gen.Choose(0, Places.Length - 1), size + 1)
        from lines in Gen.ArrayOf(Gen.Choose(0, 8999), size + 1)
        from calls in Gen.ArrayOf(Gen.Choose(0, 60), size + 1)
        from answerShares in Gen.ArrayOf(Gen.Choose(0, 100), size + 1)
        from rested in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(true)), (5, Gen.Constant(false))), size + 1)
        from cap in Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(1, 50).Select(c => (int?)c)))
        from restAfter in Gen.Choose(5, 40)
        from customerPlace in Gen.Choose(0, Places.Length - 1)
        from customerLine in Gen.Choose(0, 8999)
        select Build(places, lines, calls, answerShares, rested, cap, restAfter, Number(customerPlace, customerLine));

    static World Build(int[] places, int[] lines, int[] calls, int[] shares, bool[] rested, int? cap, int restAfter,
        string customer)
    {
        var numbers = places.Select((p, i) => Number(p, lines[i])).Distinct().ToArray();
        var today = numbers.Select((n, i) => (n, use: new NumberUse(calls[i], calls[i] * shares[i] / 100, rested[i])))
            .Where(x => x.use.Calls > 0 || x.use.Rested).ToDictionary(x => x.n, x => x.use);
        var settings = new CampaignSettings
        {
            CallerId = numbers[0],
            CallerIds = new CallerIdPool { Numbers = numbers[1..], DailyCap = cap, RestAfterCalls = restAfter },
        };
        return new World(settings, today, customer);
    }

    [Property(MaxTest = 2000)]
    public Property Never_a_number_over_its_cap_resting_or_due_to_rest_and_always_one_when_one_may_call() =>
        Prop.ForAll(Worlds().ToArbitrary(), w =>
        {
            var chosen = CallerIdChoice.Choose(w.Settings, w.Customer, w.Today);
            var may = CallerIdPool.All(w.Settings).Where(n => MayCall(n, w)).ToList();
            if (chosen is null) return may.Count == 0;
            var use = w.Today.GetValueOrDefault(chosen, NumberUse.None);
            return CallerIdPool.All(w.Settings).Contains(chosen) && !use.Rested
                && (w.Settings.CallerIds.DailyCap is not { } cap || use.Calls < cap)
                && !CallerIdRest.IsDue(chosen, w.Today, w.Settings.CallerIds.RestAfterCalls);
        });

    [Property(MaxTest = 2000)]
    public Property A_local_number_is_preferred_then_the_default() =>
        Prop.ForAll(Worlds().ToArbitrary(), w =>
        {
            var chosen = CallerIdChoice.Choose(w.Settings, w.Customer, w.Today);
            var may = CallerIdPool.All(w.Settings).Where(n => MayCall(n, w)).ToList();
            if (chosen is null) return true;
            if (may.Any(n => IsLocal(n, w.Customer))) return IsLocal(chosen, w.Customer);
            return !may.Contains(w.Settings.CallerId) || chosen == w.Settings.CallerId;
        });

    /// <summary>The rule spelled out again, independently of the code under test.</summary>
    static bool MayCall(string number, World w)
    {
        var use = w.Today.GetValueOrDefault(number, NumberUse.None);
        if (use.Rested || w.Settings.CallerIds.DailyCap is { } cap && use.Calls >= cap) return false;
        if (use.Calls < w.Settings.CallerIds.RestAfterCalls) return true;
        double poolCalls = w.Today.Values.Sum(u => u.Calls), poolAnswers = w.Today.Values.Sum(u => u.Answers);
        if (poolAnswers == 0) return true;
        return use.Answers / (double)use.Calls >= poolAnswers / poolCalls / 2 - 1e-12
            && 2.0 * use.Answers * poolCalls >= use.Calls * poolAnswers; // exact for these small counts
    }

    /// <summary>Same area code in North America (+1 and three digits), same country code prefix elsewhere.</summary>
    static bool IsLocal(string number, string customer) =>
        customer.StartsWith("+1") ? number[..5] == customer[..5] : number[..3] == customer[..3];

    [Fact]
    public void A_number_answered_at_under_half_the_pool_rate_rests_once_it_has_placed_enough_calls()
    {
        var pool = new Dictionary<string, NumberUse>
        {
            ["+14155551000"] = new(20, 10, false), ["+14155552000"] = new(10, 2, false),
        };
        // the pool answers 12 of 30 (40%); the second number 20% is not below half of it: it calls on
        Assert.False(CallerIdRest.IsDue("+14155552000", pool, 10));
        pool["+14155552000"] = new(10, 1, false); // 11 of 30 (36.7%), the number 10%: below half
        Assert.True(CallerIdRest.IsDue("+14155552000", pool, 10));
        Assert.False(CallerIdRest.IsDue("+14155552000", pool, 11)); // too few calls to tell
        // after a manager cleared it at 10 calls, 1 answer: judged on what came after
        pool["+14155552000"] = new(12, 1, false, ClearedCalls: 10, ClearedAnswers: 1);
        Assert.False(CallerIdRest.IsDue("+14155552000", pool, 10));
    }
}
