using Dialer.Core.Dialing;

namespace Dialer.Core.Figures;

/// <summary>
/// One kind of call the figures count: its name (the SQL column that carries the count), its test as SQL over the
/// call_attempts row aliased <c>a</c>, and the same test for code that holds an attempt.
/// </summary>
public sealed record CallFigure(string Column, string Sql, Func<CallAttempt, bool> Is)
{
    /// <summary>The count of this kind among the rows a query reads, as a column of its name.</summary>
    public string CountSql => $"count(*) FILTER (WHERE {Sql})::bigint AS {Column}";
}
