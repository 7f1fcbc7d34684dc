using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Compliance.Rules;

namespace Dialer.Core.Lists.LocalTime;

/// <summary>
/// The order of a campaign's zone slots at one instant, the best part of the customer's day first: slots whose calling
/// window is open now (and stays open while a call claimed now rings), the one closing soonest first, so nobody is
/// missed for the day; then the closed ones, which the permit defers to their opening. Read with the campaign's window
/// and every number's rules (<see cref="CallingHours"/>, as <see cref="DialPermit"/> reads them); a place's own
/// stricter hours are left to the permit: this is only an order, the permit alone decides whether a call is made.
/// </summary>
public static class ZoneWindows
{
    static readonly TimeSpan Coarse = TimeSpan.FromMinutes(15), Horizon = TimeSpan.FromDays(2);

    /// <summary>When the zone's window closes, from <paramref name="now"/> (to the minute); null when closed now, or
    /// closed before a call claimed now would stop ringing (<paramref name="ringsFor"/>).</summary>
    public static DateTimeOffset? ClosesAt(CallingWindow window, string zone, DateTimeOffset now, TimeSpan ringsFor)
    {
        string[] zones = [zone];
        if (CallingHours.ClosedThrough(window, zones, ApplicableRules.Baseline, now, ringsFor) is not null) return null;
        var open = now; // closed stretches are nights, days off and holidays: far longer than the coarse step
        while (open - now < Horizon && CallingHours.IsOpen(window, zones, open + Coarse)) open += Coarse;
        if (open - now >= Horizon) return now + Horizon;
        for (var t = open.AddMinutes(1); ; t = t.AddMinutes(1))
            if (!CallingHours.IsOpen(window, zones, t)) return t;
    }

    /// <summary>The slots in claim order: open ones closing soonest first, then closed ones; ties by slot.</summary>
    /// <param name="slots">the campaign's zones and their slots (<see cref="ZoneSlots"/>)</param>
    public static short[] Order(IReadOnlyDictionary<string, short> slots, CallingWindow window, DateTimeOffset now,
        TimeSpan ringsFor) =>
    [
        .. slots.GroupBy(z => z.Value, z => ClosesAt(window, z.Key, now, ringsFor))
            .Select(g => (Slot: g.Key, Closes: g.Min())) // zones sharing a slot: open when any is
            .OrderBy(s => s.Closes is null).ThenBy(s => s.Closes).ThenBy(s => s.Slot).Select(s => s.Slot),
    ];
}
