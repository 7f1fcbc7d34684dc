namespace Dialer.Core.Compliance.Rules;

/// <summary>
/// A campaign's <see cref="Tightening"/> may only narrow what the shipped rules of its jurisdiction (with its country's
/// and every number's) allow: hours inside theirs, a cap no higher, a lockout no shorter.
/// </summary>
public static class TighteningCheck
{
    public const int MaxTightenings = 50;

    /// <returns>problems, each naming the shipped rule it would loosen</returns>
    public static IEnumerable<string> Problems(Tightening t, string campaignName)
    {
        if (t.Jurisdiction is not { Length: > 0 and <= 8 }
            || RuleSetCheck.Problems(t.ToRuleSet(campaignName)) is { Count: > 0 } bad)
        {
            yield return t.Jurisdiction is { Length: > 0 and <= 8 }
                ? string.Join("; ", RuleSetCheck.Problems(t.ToRuleSet(campaignName)))
                : "give a jurisdiction code such as ES or US-FL";
            yield break;
        }
        var shipped = RuleBook.Shipped.Chain(t.Jurisdiction).ToList();
        foreach (var window in t.Hours ?? [])
            foreach (var day in window.Days)
            {
                var (start, end) = (TimeOnly.ParseExact(window.Start, "HH:mm"),
                    TimeOnly.ParseExact(window.End, "HH:mm"));
                foreach (var rule in shipped)
                {
                    var (from, until, closed) = rule.On(day);
                    if (closed) yield return $"{day}: {rule.HoursText} does not call that day";
                    else if (start < from || end > until)
                        yield return $"{day} {window.Start}-{window.End} is wider than {rule.HoursText}";
                }
            }
        if (t.CallsPer24Hours is { } calls)
            foreach (var rule in shipped.Where(r => r.File.CallsPerPerson is { } cap && calls > cap.Calls))
                yield return $"callsPer24Hours {calls} is more than {rule.Code}'s {rule.File.CallsPerPerson!.Calls}";
        if (t.AbandonedLockoutHours is { } hours)
        {
            if (hours > 24 * 30) yield return "abandonedLockoutHours is at most 720";
            foreach (var rule in shipped.Where(r => r.File.AbandonedLockout is { } l && hours < l.Hours))
                yield return $"abandonedLockoutHours {hours} is shorter than {rule.Code}'s "
                    + $"{rule.File.AbandonedLockout!.Hours}";
        }
    }
}
