namespace Dialer.Core.Contacts;

/// <summary>
/// One of a contact's numbers (home, mobile, work), kept with the contact (<see cref="Contact.Numbers"/>): the one in
/// <see cref="Contact.Phone"/> is being dialed, the others wait their turn or say why they were passed over.
/// </summary>
public sealed record ContactNumber
{
    /// <summary>One of <see cref="NumberKinds.All"/>.</summary>
    public string Kind { get; init; } = NumberKinds.Phone;
    /// <summary>E.164, normalised as the main number is.</summary>
    public string Phone { get; init; } = "";
    /// <summary>Every zone the contact may be in when this number is dialed (<see cref="Compliance.ContactZones"/>:
    /// the number's and the list's).</summary>
    public string[] TimeZones { get; init; } = [];
    public NumberStatus Status { get; init; } = NumberStatus.Pending;
    /// <summary>Attempts made on this number, once the contact has moved on from it.</summary>
    public int Attempts { get; init; }
    public string? LastOutcome { get; init; }
}

/// <summary>Where one of a contact's numbers stands.</summary>
public enum NumberStatus
{
    /// <summary>Not tried out yet: dialed now (it is the contact's <see cref="Contact.Phone"/>) or waiting.</summary>
    Pending,
    /// <summary>Its attempts were used up without reaching a person (no answer, busy, machine).</summary>
    TriedOut,
    /// <summary>The network could not place the call (failed, rejected): it will not reach them.</summary>
    Failed,
    /// <summary>An agent heard a wrong number on it.</summary>
    WrongNumber,
    /// <summary>On a do-not-call list binding the campaign when its turn came: skipped.</summary>
    DoNotCall,
    /// <summary>Another contact of the campaign holds it already when its turn came: skipped, never called twice.
    /// </summary>
    Duplicate,
}

/// <summary>The kinds of number an upload names by its columns, and the order a campaign tries them in.</summary>
public static class NumberKinds
{
    /// <summary>The upload's plain phone column: no kind stated.</summary>
    public const string Phone = "phone";
    public const string Home = "home", Mobile = "mobile", Work = "work";
    public static readonly string[] All = [Phone, Home, Mobile, Work];
    /// <summary>A contact's numbers, at most: one column of each kind.</summary>
    public const int Max = 4;

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind);

    /// <summary>
    /// The numbers in the order they are tried: the kinds the campaign lists first, in its order, then the others in
    /// the upload's column order (the list's own order, kept stable).
    /// </summary>
    public static IEnumerable<ContactNumber> InOrder(IEnumerable<ContactNumber> numbers, string[]? order) =>
        numbers.Select((n, i) => (n, i))
            .OrderBy(x => order is null ? 0 : Array.IndexOf(order, x.n.Kind) is var r and >= 0 ? r : order.Length)
            .ThenBy(x => x.i)
            .Select(x => x.n);
}
