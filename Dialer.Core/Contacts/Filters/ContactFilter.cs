using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Contacts.Filters;

/// <summary>
/// The one filter on a campaign's contacts: the recycling's preview and run, the contacts search and the builder's
/// contacts page all narrow through <see cref="Apply"/>. Every field narrows; an empty or missing one does not.
/// </summary>
public sealed record ContactFilter
{
    public ContactStatus[] Statuses { get; init; } = [];
    public string[] LastOutcomes { get; init; } = [];
    public string[] Dispositions { get; init; } = [];
    public int? AttemptsAtMost { get; init; }
    public int? AttemptsAtLeast { get; init; }
    public DateTimeOffset? LastCallBefore { get; init; }
    public ColumnCondition[] Columns { get; init; } = [];
    /// <summary>Part of the name (any case), or digits of the number (three or more).</summary>
    public string? Text { get; init; }

    public const int MinDigits = 3, MaxTextLength = 100;

    public IQueryable<Contact> Apply(IQueryable<Contact> query)
    {
        if (Statuses is { Length: > 0 } statuses) query = query.Where(c => statuses.Contains(c.Status));
        if (LastOutcomes is { Length: > 0 } outcomes) query = query.Where(c => outcomes.Contains(c.LastOutcome));
        if (Dispositions is { Length: > 0 } dispositions)
            query = query.Where(c => dispositions.Contains(c.Disposition));
        if (AttemptsAtMost is { } most) query = query.Where(c => c.Attempts <= most);
        if (AttemptsAtLeast is { } least) query = query.Where(c => c.Attempts >= least);
        if (LastCallBefore is { } before) query = query.Where(c => c.LastAttemptAt < before);
        if (Columns is { Length: > 0 }) query = query.Where(AllOf(Columns));
        if (Text?.Trim() is { Length: > 0 } text)
        {
            if (DigitsOf(text) is { } digits) query = query.Where(c => c.Phone.Contains(digits));
            else
            {
                var pattern = LikePattern(text);
                query = query.Where(c => c.Name != null && EF.Functions.ILike(c.Name, pattern, "\\"));
            }
        }
        return query;
    }

    /// <summary>The digits searched for when the text is a number as people write one ("555 01", "+1 (415)");
    /// null when it is a name.</summary>
    public static string? DigitsOf(string text)
    {
        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        return digits.Length >= MinDigits && text.All(ch => char.IsAsciiDigit(ch) || " +-().".Contains(ch))
            ? digits : null;
    }

    /// <summary>Contains, any case, with LIKE's own characters taken literally (escaped by a backslash).</summary>
    public static string LikePattern(string text) =>
        "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    /// <summary>Every condition holds (a campaign's dial filter: <see cref="Campaigns.CampaignSettings.DialFilter"/>).
    /// </summary>
    public static Expression<Func<Contact, bool>> AllOf(IEnumerable<ColumnCondition> conditions) =>
        conditions.Aggregate((Expression<Func<Contact, bool>>)(_ => true),
            (all, c) => Predicates.And(all, c.Matching()));

    public static bool Admits(IReadOnlyCollection<ColumnCondition> conditions, Contact contact) =>
        conditions.Count == 0 || conditions.All(c => c.Admits(contact));
}
