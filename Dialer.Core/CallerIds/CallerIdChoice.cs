using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;

namespace Dialer.Core.CallerIds;

/// <summary>
/// Which number a customer sees: among the pool's numbers that are neither at their daily cap nor resting (nor due to
/// rest), a local one (the customer's area code in North America, else the customer's country) first, else the
/// campaign's default, else any other; between equals the one that placed fewest calls today, then the lowest.
/// </summary>
public static class CallerIdChoice
{
    /// <summary>The refusal when no number of the pool may call now: the campaign pauses until one may.</summary>
    public const string NoneAvailable = "no-caller-id-available";

    /// <param name="today">each number's use in its local day; a number missing has placed no call yet</param>
    /// <returns>the number to call from, or null when every one is capped or resting</returns>
    public static string? Choose(CampaignSettings settings, string customer,
        IReadOnlyDictionary<string, NumberUse> today)
    {
        var pool = CallerIdPool.All(settings);
        var region = Phones.RegionOf(customer);
        return pool.Where(n => MayCall(n, settings, today))
            .OrderBy(n => IsLocal(n, customer, region) ? 0 : n == settings.CallerId ? 1 : 2)
            .ThenBy(n => today.GetValueOrDefault(n, NumberUse.None).Calls)
            .ThenBy(n => n, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    public static bool MayCall(string number, CampaignSettings settings, IReadOnlyDictionary<string, NumberUse> today)
    {
        var use = today.GetValueOrDefault(number, NumberUse.None);
        return !use.Rested && !IsCapped(use, settings.CallerIds)
            && !CallerIdRest.IsDue(number, today, settings.CallerIds.RestAfterCalls);
    }

    public static bool IsCapped(NumberUse use, CallerIdPool pool) => pool.DailyCap is { } cap && use.Calls >= cap;

    /// <summary>Same area code for two North American numbers; same country otherwise.</summary>
    public static bool IsLocal(string number, string customer, string? customerRegion = null)
    {
        if (number.StartsWith("+1", StringComparison.Ordinal) && customer.StartsWith("+1", StringComparison.Ordinal))
            return number.Length >= 5 && customer.Length >= 5
                && number.AsSpan(2, 3).SequenceEqual(customer.AsSpan(2, 3));
        var region = customerRegion ?? Phones.RegionOf(customer);
        return region is not null && region == Phones.RegionOf(number);
    }
}
