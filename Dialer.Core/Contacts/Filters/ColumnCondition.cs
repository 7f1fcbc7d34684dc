using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Contacts.Filters;

/// <summary>
/// One condition on a contact's columns: the column holds one of <see cref="Values"/> (or, with
/// <see cref="Exclude"/>, none of them). A column is a custom field of the upload, compared exactly as written, or
/// <c>state</c>: the stated jurisdiction, by its code ("FL" or "US-FL"). The same condition reads in SQL
/// (<see cref="Matching"/>, for the filters and the parking) and in memory (<see cref="Admits"/>, for the claim), and
/// the two agree (<c>DialFilterPropertyTests</c>).
/// </summary>
public sealed record ColumnCondition(string Column, string[] Values, bool Exclude = false)
{
    public const string State = "state";
    public const int MaxColumnLength = 64, MaxValues = 50, MaxValueLength = 200;

    bool IsState => Column.Equals(State, StringComparison.OrdinalIgnoreCase);

    public bool Admits(Contact contact) => Holds(contact) != Exclude;

    bool Holds(Contact contact)
    {
        if (IsState)
            return contact.StatedJurisdiction is { } stated && StateValues().Any(v => stated == v
                || stated.EndsWith("-" + v, StringComparison.Ordinal));
        if (contact.CustomFields is null) return false;
        using var fields = JsonDocument.Parse(contact.CustomFields);
        return fields.RootElement.ValueKind == JsonValueKind.Object
            && fields.RootElement.TryGetProperty(Column, out var value) && value.ValueKind == JsonValueKind.String
            && Values.Contains(value.GetString(), StringComparer.Ordinal);
    }

    /// <summary>The condition as a query predicate (PostgreSQL: jsonb containment, a LIKE on the jurisdiction).
    /// </summary>
    public Expression<Func<Contact, bool>> Matching()
    {
        Expression<Func<Contact, bool>> holds = _ => false;
        if (IsState)
            foreach (var v in StateValues())
            {
                var suffix = "-" + v;
                holds = Predicates.Or(holds, c => c.StatedJurisdiction != null
                    && (c.StatedJurisdiction == v || c.StatedJurisdiction.EndsWith(suffix)));
            }
        else
            foreach (var v in Values)
            {
                var json = JsonSerializer.Serialize(new Dictionary<string, string> { [Column] = v });
                holds = Predicates.Or(holds, c => c.CustomFields != null
                    && EF.Functions.JsonContains(c.CustomFields, json));
            }
        return Exclude ? Predicates.Not(holds) : holds;
    }

    IEnumerable<string> StateValues() => Values.Select(v => v.Trim().ToUpperInvariant());

    /// <summary>What is wrong with the condition, field by field under <paramref name="path"/>.</summary>
    public IEnumerable<(string Field, string Message)> Problems(string path)
    {
        if (string.IsNullOrWhiteSpace(Column) || Column.Length > MaxColumnLength)
            yield return ($"{path}.column", $"A column name of 1 to {MaxColumnLength} characters.");
        if (Values is null || Values.Length is 0 or > MaxValues
            || Values.Any(v => v is null || v.Length > MaxValueLength))
            yield return ($"{path}.values",
                $"1 to {MaxValues} values of at most {MaxValueLength} characters each.");
    }

    public override string ToString() =>
        $"{Column} {(Exclude ? "not in" : "in")} ({string.Join(", ", Values ?? [])})";
}
