namespace Dialer.Core.Compliance;

/// <summary>
/// The zones a contact may be in, every one of which <see cref="CallingHours"/> requires open: the zones its number may
/// be in and the zone its list states, together. A stated zone is added, never put in the number's place, so it can
/// only narrow the calling window: a person may keep a number from elsewhere and a list may be out of date, so either
/// may say where they are. Narrowing to the stated zone when the number allows it would widen the window instead
/// (208 is Idaho, Mountain and Pacific: stated Boise, 08:00 there is 07:00 in the Pacific half).
/// </summary>
public static class ContactZones
{
    /// <param name="numberZones">every zone the number may be in (libphonenumber); empty when it cannot tell, and
    /// then the stated zone is all that is known</param>
    /// <param name="statedZone">the list's zone, a known IANA name; null when the list gives none</param>
    /// <returns>the stated zone first (the list's word on where the person is), then the number's others</returns>
    public static string[] Of(IReadOnlyList<string> numberZones, string? statedZone) =>
        statedZone is null ? [.. numberZones] : [statedZone, .. numberZones.Where(z => z != statedZone)];
}
