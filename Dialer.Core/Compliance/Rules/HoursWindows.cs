namespace Dialer.Core.Compliance.Rules;

/// <summary>
/// Short descriptions of day windows for refusals and pages: "Mon-Fri 09:00-21:00, Sat-Sun 10:00-18:00".
/// </summary>
public static class HoursWindows
{
    public static string Describe(HoursWindow[]? windows) => windows is null ? "any time"
        : string.Join(", ", windows.Select(w => $"{Days(w.Days)} {w.Start}-{w.End}"));

    public static string Days(IReadOnlyCollection<DayOfWeek> days)
    {
        if (days.Count == 7) return "every day";
        // runs of consecutive days, Monday first: Mon-Fri, Sat-Sun
        var order = days.Select(d => ((int)d + 6) % 7).Order().ToArray();
        var runs = new List<string>();
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && order[j + 1] == order[j] + 1) j++;
            runs.Add(i == j ? Short(order[i]) : $"{Short(order[i])}-{Short(order[j])}");
            i = j + 1;
        }
        return string.Join(",", runs);
    }

    static string Short(int mondayFirst) => ((DayOfWeek)((mondayFirst + 1) % 7)).ToString()[..3];
}
