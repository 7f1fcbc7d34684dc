using Dialer.Core.CallerIds;
using Dialer.Core.Campaigns;

namespace Dialer.Api.CallerIds;

/// <summary>One caller ID on the floor: its own local day's calls, answers, and whether it may call.</summary>
/// <param name="Day">the number's own local day the figures are of</param>
/// <param name="Capped">at the campaign's daily cap for the day</param>
/// <param name="RestDue">not resting yet, but the rule would rest it at its next call</param>
public sealed record CallerIdFigures(string Number, bool IsDefault, DateOnly Day, int Calls, int Answers,
    double? AnswerRate, bool Capped, bool Rested, bool RestDue, DateTimeOffset? RestedAt, DateTimeOffset? ClearedAt);

/// <summary>A campaign's pool today, as the floor and the API show it.</summary>
public sealed record CallerIdsView(int? DailyCap, int RestAfterCalls, double? PoolAnswerRate,
    CallerIdFigures[] Numbers)
{
    public static CallerIdsView Of(CampaignSettings settings, IReadOnlyDictionary<string, CallerIdDay> today,
        DateTimeOffset now)
    {
        var uses = today.ToDictionary(d => d.Key, d => d.Value.Use);
        var pool = CallerIdPool.All(settings);
        int calls = uses.Values.Sum(u => u.Calls), answers = uses.Values.Sum(u => u.Answers);
        return new CallerIdsView(settings.CallerIds.DailyCap, settings.CallerIds.RestAfterCalls,
            calls == 0 ? null : (double)answers / calls,
            [.. pool.Select(n =>
            {
                var row = today.GetValueOrDefault(n);
                var use = uses.GetValueOrDefault(n, NumberUse.None);
                return new CallerIdFigures(n, n == settings.CallerId, CallerIdLedger.DayOf(n, now), use.Calls,
                    use.Answers, use.AnswerRate, CallerIdChoice.IsCapped(use, settings.CallerIds), use.Rested,
                    CallerIdRest.IsDue(n, uses, settings.CallerIds.RestAfterCalls), row?.RestedAt, row?.ClearedAt);
            })]);
    }
}
