using Dialer.Core.Contacts;

namespace Dialer.Core.Lists;

/// <summary>
/// A list attached to a campaign. Attaching copies the list's rows into the campaign's contacts (their
/// <see cref="Contact.ListId"/> names the list), so the claim dials them as any other contact: an inactive
/// attachment's waiting contacts are <see cref="ContactStatus.Parked"/>, which the claim never takes, and a list's
/// fresh contacts are due from <see cref="FreshDueAt"/>, so lists of a lower priority number are dialed first, and
/// those of one priority share its minute by weight (<see cref="FreshOrder"/>).
/// </summary>
public sealed class CampaignList
{
    public const int MaxPriority = 1000, MinWeight = 1, MaxWeight = 100;

    /// <summary>
    /// When a list's fresh contacts are due: a fixed instant a minute apart per priority, long past, so the claim's
    /// order (kind, then due time) puts them in list order, before contacts uploaded to the campaign directly.
    /// </summary>
    public static readonly DateTimeOffset ListClock = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset FreshDueAt(int priority) => ListClock.AddMinutes(priority);

    /// <summary>A due time on the list clock: the contact is fresh and still in its list's place.</summary>
    public static readonly DateTimeOffset ListClockEnd = FreshDueAt(MaxPriority + 1);

    public Guid CampaignId { get; set; }
    public Guid ListId { get; set; }
    public bool Active { get; set; } = true;
    /// <summary>0 first.</summary>
    public int Priority { get; set; }
    /// <summary>Its share among the lists of its priority (70 and 30: seven of its fresh contacts for three of the
    /// other's); equal by default (<see cref="FreshOrder"/>).</summary>
    public int Weight { get; set; } = 1;
    public DateTimeOffset AttachedAt { get; set; }
    public string AttachedBy { get; set; } = "";
}
