using System.Globalization;
using Dialer.Core.Compliance.Consents;

namespace Dialer.Api.Contacts;

/// <summary>
/// The optional consent columns of a contact list: the kind (one, or several separated by ';'), how it was obtained,
/// when, until when (if it lapses), and the words agreed or a reference to them. A row with a kind brings one consent
/// record per kind; a bad value rejects that row alone, naming the column.
/// </summary>
public sealed record ConsentColumns(int Kind, int? Source, int? GivenAt, int? Text, int? Reference, int? ValidUntil)
{
    static readonly string[] KindNames = ["consent", "consent_kind", "consent kind"];
    static readonly string[] SourceNames = ["consent_source", "consent source"];
    static readonly string[] GivenAtNames =
        ["consent_at", "consent_date", "consent_given_at", "consent date", "consent given at"];
    static readonly string[] TextNames = ["consent_text", "consent text"];
    static readonly string[] ReferenceNames = ["consent_reference", "consent_ref", "consent reference"];
    static readonly string[] ValidUntilNames =
        ["consent_until", "consent_valid_until", "consent_expires", "consent until", "consent valid until"];

    /// <summary>The consent columns of a header (lower-cased, trimmed); null when it has no kind column.</summary>
    public static ConsentColumns? Find(string[] names)
    {
        int? Find(string[] candidates) => Array.FindIndex(names, candidates.Contains) is var i and >= 0 ? i : null;
        return Find(KindNames) is { } kind
            ? new ConsentColumns(kind, Find(SourceNames), Find(GivenAtNames), Find(TextNames), Find(ReferenceNames),
                Find(ValidUntilNames))
            : null;
    }

    public IEnumerable<int> Indexes =>
        new int?[] { Kind, Source, GivenAt, Text, Reference, ValidUntil }.OfType<int>();

    /// <summary>The row's consent: none when its kind cell is empty (and so are the others).</summary>
    /// <param name="at">a cell's text by column index</param>
    public bool TryRead(Func<int, string> at, DateTimeOffset now, out ConsentRow? consent, out string reason)
    {
        consent = null;
        reason = "";
        string Cell(int? index) => index is { } i ? at(i).Trim() : "";
        var kinds = Cell(Kind);
        if (kinds.Length == 0)
        {
            if (Indexes.Any(i => Cell(i).Length > 0))
                reason = "consent details without a consent kind (consent column)";
            return reason.Length == 0;
        }
        if (!TryDate(Cell(GivenAt), "consent_at", out var givenAt, ref reason)
            || !TryDate(Cell(ValidUntil), "consent_until", out var validUntil, ref reason))
            return false;
        var names = kinds.Split([';', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var text = Cell(Text);
        var reference = Cell(Reference);
        foreach (var name in names)
        {
            var input = new ConsentInput(name, Cell(Source), givenAt, text, reference, validUntil);
            if (input.Problems(now) is { Count: > 0 } problems)
            {
                reason = string.Join("; ", problems.Select(p => $"{ColumnOf(p.Key)}: {p.Value}"));
                return false;
            }
        }
        consent = new ConsentRow([.. names.Select(n => n.ToLowerInvariant()).Distinct()], Cell(Source), givenAt!.Value,
            text.Length == 0 ? null : text, reference.Length == 0 ? null : reference, validUntil);
        return true;
    }

    /// <summary>An empty cell is no date; a date alone is UTC midnight.</summary>
    static bool TryDate(string cell, string column, out DateTimeOffset? date, ref string reason)
    {
        date = null;
        if (cell.Length == 0) return true;
        if (!DateTimeOffset.TryParse(cell, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            reason = $"{column} '{Clip(cell)}' is not a date (2026-05-01 or 2026-05-01T10:30:00Z)";
            return false;
        }
        date = parsed;
        return true;
    }

    static string ColumnOf(string field) => field switch
    {
        "kind" => "consent",
        "source" => "consent_source",
        "givenAt" => "consent_at",
        "text" => "consent_text",
        "reference" => "consent_reference",
        "validUntil" => "consent_until",
        _ => field,
    };

    static string Clip(string s) => s.Length > 40 ? s[..40] + "…" : s;
}

/// <summary>One row's consent, checked, on its way into contact_consents.</summary>
public sealed record ConsentRow(string[] Kinds, string Source, DateTimeOffset GivenAt, string? Text,
    string? Reference, DateTimeOffset? ValidUntil = null);
