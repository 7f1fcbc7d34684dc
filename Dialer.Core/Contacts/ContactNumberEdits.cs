using Dialer.Core.Compliance;

namespace Dialer.Core.Contacts;

/// <summary>A contact's numbers as a marketer edits them: a number kept keeps its status and attempts.</summary>
public static class ContactNumberEdits
{
    /// <summary>
    /// The numbers <paramref name="given"/> (kind and E.164, the number's own zones) onto <paramref name="old"/>; one
    /// number or none is no list (<see cref="Contact.Numbers"/>).
    /// </summary>
    /// <param name="statedZone">the list's zone, added to each number's (<see cref="ContactZones"/>)</param>
    public static List<ContactNumber>? Merge(List<ContactNumber>? old,
        IReadOnlyList<(string Kind, string Phone, string[] Zones)> given, string? statedZone)
    {
        if (given.Count <= 1) return null;
        return [.. given.Select(g => (old?.FirstOrDefault(o => o.Phone == g.Phone) ?? new ContactNumber()) with
        {
            Kind = g.Kind, Phone = g.Phone, TimeZones = ContactZones.Of(g.Zones, statedZone),
        })];
    }

    /// <summary>The contact's number changed from <paramref name="oldPhone"/>: its place in the list, a new number
    /// waiting its turn.</summary>
    public static List<ContactNumber>? Replace(List<ContactNumber>? numbers, string oldPhone, string phone,
        string[] zones) =>
        numbers?.Select(n => n.Phone == oldPhone
            ? new ContactNumber { Kind = n.Kind, Phone = phone, TimeZones = zones }
            : n).ToList();
}
