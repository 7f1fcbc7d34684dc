using Dialer.Core.Contacts;
using Dialer.Core.Contacts.Filters;

namespace Dialer.Api.Contacts;

/// <summary>
/// The contacts search's query string, read into the one contact filter (<see cref="ContactFilter"/>): statuses, last
/// outcomes, dispositions (each repeatable), attempts, text (<c>q</c>: part of a name, or digits of a number) and one
/// column's value (<c>column</c>, <c>value</c> repeatable: any of them).
/// </summary>
public sealed record ContactQuery(string[]? Status, string[]? LastOutcome, string[]? Disposition,
    int? AttemptsAtLeast, int? AttemptsAtMost, string? Q, string? Column, string[]? Value)
{
    public const int MaxValues = 20, MaxValueLength = 64;

    public (ContactFilter? Filter, Dictionary<string, string[]> Errors) Read()
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, values) in new[] { ("status", Status), ("lastOutcome", LastOutcome),
            ("disposition", Disposition) })
            if (values is { } v && (v.Length > MaxValues || v.Any(x => x is null || x.Length > MaxValueLength)))
                errors[field] = [$"At most {MaxValues} values of at most {MaxValueLength} characters."];
        var statuses = new List<ContactStatus>();
        foreach (var s in Status ?? [])
            if (Enum.TryParse<ContactStatus>(s, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                && !int.TryParse(s, out _)) statuses.Add(parsed);
            else errors["status"] = [$"'{Truncated(s)}' is not one of: {string.Join(", ",
                Enum.GetNames<ContactStatus>())}."];
        if (AttemptsAtLeast is < 0) errors["attemptsAtLeast"] = ["0 or more."];
        if (AttemptsAtMost is < 0) errors["attemptsAtMost"] = ["0 or more."];
        if (Q is { Length: > ContactFilter.MaxTextLength })
            errors["q"] = [$"At most {ContactFilter.MaxTextLength} characters."];
        ColumnCondition[] columns = [];
        if (Column is not null || Value is { Length: > 0 })
        {
            var condition = new ColumnCondition(Column ?? "", Value ?? []);
            foreach (var (field, message) in condition.Problems(""))
                errors[field == ".values" ? "value" : "column"] = [message];
            columns = [condition];
        }
        if (errors.Count > 0) return (null, errors);
        return (new ContactFilter
        {
            Statuses = [.. statuses], LastOutcomes = LastOutcome ?? [], Dispositions = Disposition ?? [],
            AttemptsAtLeast = AttemptsAtLeast, AttemptsAtMost = AttemptsAtMost, Text = Q, Columns = columns,
        }, errors);
    }

    static string Truncated(string? s) => s is null ? "" : s.Length <= MaxValueLength ? s : s[..MaxValueLength] + "…";
}
