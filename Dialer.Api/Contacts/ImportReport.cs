namespace Dialer.Api.Contacts;

public sealed record RejectedRow(int Line, string Reason);

/// <summary>A number of a row that was kept on its other numbers: its line, column and why it could not be read.
/// </summary>
public sealed record BadNumber(int Line, string Column, string Reason);

public sealed class ImportReport
{
    public int RowsRead { get; set; }
    public int Imported { get; set; }
    public int Duplicates { get; set; }
    public int Suppressed { get; set; }
    /// <summary>Consent records the rows brought (one per kind; one already held is not counted again).</summary>
    public int Consents { get; set; }
    public int RejectedCount { get; set; }
    public bool RejectedTruncated { get; set; }
    public List<RejectedRow> Rejected { get; } = [];
    /// <summary>Numbers left out of rows that were kept on another of their numbers.</summary>
    public int BadNumbersCount { get; set; }
    public List<BadNumber> BadNumbers { get; } = [];
    /// <summary>The header row's columns, as read.</summary>
    public string[] Columns { get; set; } = [];
    public string Separator { get; set; } = ",";
    public double Seconds { get; set; }
}
