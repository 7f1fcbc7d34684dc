using Dialer.Core.Dialing;

namespace Dialer.Core.Contacts;

/// <summary>
/// When a contact of several numbers moves from the number it was dialed on to its next, and which that is. Pure:
/// <see cref="ContactNextNumber"/> brings what the database knows (do-not-call entries, numbers other contacts hold).
/// </summary>
public static class NumberAdvance
{
    /// <summary>
    /// What an attempt that ended the contact's turn on a number says of that number: spent, so the next may be
    /// tried (no answer, busy or a machine until the retry rules gave up; a call the network could not place); null
    /// when a person answered on it (reached, abandoned, hung up at the greeting): the person was found, the contact
    /// ends as it ends today.
    /// </summary>
    public static NumberStatus? SpentAs(AttemptEnd end) => end switch
    {
        AttemptEnd.Busy or AttemptEnd.NoAnswer or AttemptEnd.Machine => NumberStatus.TriedOut,
        AttemptEnd.Failed or AttemptEnd.Other => NumberStatus.Failed,
        _ => null,
    };

    /// <summary>
    /// What <paramref name="attempt"/> says of the number it dialed, once the call is over (never while it lasts: the
    /// contact would be due on another number with its call still up) and the contact is done with that number: spent
    /// (<see cref="SpentAs"/>, or an agent heard a wrong number), or null when the contact stays as it is.
    /// </summary>
    public static NumberStatus? SpentBy(Contact contact, CallAttempt attempt, Pacing.DialingMode mode)
    {
        if (contact.Numbers is null || contact.Status != ContactStatus.Done || !attempt.IsFinal
            || attempt.State == AttemptState.Skipped) return null;
        if (Campaigns.Dispositions.IsWrongNumber(attempt.Disposition)) return NumberStatus.WrongNumber;
        return attempt.Disposition is null ? SpentAs(AttemptEnds.Of(attempt, mode)) : null;
    }

    /// <summary>The contact's step to its next number.</summary>
    /// <param name="Numbers">every number, the one left and any skipped given their status</param>
    /// <param name="Next">the number to dial next; null when none is left</param>
    public sealed record Step(List<ContactNumber> Numbers, ContactNumber? Next);

    /// <summary>
    /// Marks <paramref name="current"/> as <paramref name="spentAs"/> and finds the first number still waiting, in
    /// the campaign's order, that nothing blocks; a blocked one is marked with why and passed over.
    /// </summary>
    /// <param name="blocked">the numbers a do-not-call entry binds, or another contact of the campaign holds</param>
    public static Step Next(IReadOnlyList<ContactNumber> numbers, string current, NumberStatus spentAs, int attempts,
        string? outcome, string[]? order, IReadOnlyDictionary<string, NumberStatus> blocked)
    {
        var result = numbers.Select(n => n.Phone == current
            ? n with { Status = spentAs, Attempts = n.Attempts + attempts, LastOutcome = outcome ?? n.LastOutcome }
            : n).ToList();
        foreach (var candidate in NumberKinds.InOrder(result, order).ToList())
        {
            if (candidate.Status != NumberStatus.Pending || candidate.Phone == current) continue;
            if (!blocked.TryGetValue(candidate.Phone, out var why)) return new Step(result, candidate);
            result[result.FindIndex(n => n.Phone == candidate.Phone)] = candidate with { Status = why };
        }
        return new Step(result, null);
    }

    /// <summary>The numbers still waiting their turn, the one dialed now left out.</summary>
    public static IEnumerable<ContactNumber> Waiting(Contact contact) =>
        (contact.Numbers ?? []).Where(n => n.Status == NumberStatus.Pending && n.Phone != contact.Phone);

    /// <summary>The contact takes up <paramref name="next"/> afresh: its zones, no attempts on it yet, due now.
    /// </summary>
    public static void MoveTo(this Contact contact, ContactNumber next, List<ContactNumber> numbers,
        DateTimeOffset now)
    {
        contact.Numbers = numbers;
        contact.Phone = next.Phone;
        contact.PhoneKind = next.Kind;
        contact.TimeZones = next.TimeZones;
        contact.Attempts = 0;
        contact.Status = ContactStatus.Pending;
        contact.NextAttemptAt = now;
        contact.Priority = DialPriority.Retry;
        contact.CallbackAt = null;
        contact.Disposition = null;
    }
}
