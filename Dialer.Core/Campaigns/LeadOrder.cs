namespace Dialer.Core.Campaigns;

/// <summary>
/// In which order a campaign dials its fresh contacts within a list (and within its own uploads): as uploaded, by a
/// column (a custom field, ascending or descending: numeric when every value of the list is a number, else text by code
/// point; empty values last, then as uploaded), or by the customer's local time (open windows first, the one closing
/// soonest first: <see cref="Lists.ZoneWindows"/>). Callbacks and retries come first whatever this says
/// (<see cref="Contacts.DialPriority"/>). Written into the fresh contacts' due times (<see cref="Lists.FreshOrder"/>).
/// </summary>
public sealed record LeadOrder(string By = LeadOrder.Upload, string? Column = null, bool Descending = false)
{
    public const string Upload = "upload", ByColumn = "column", LocalTime = "localTime";
    public const int MaxColumnLength = 64;

    public static readonly string[] Kinds = [Upload, ByColumn, LocalTime];

    /// <summary>The custom field that orders, when ordering by one.</summary>
    public string? OrderingColumn => By == ByColumn ? Column : null;

    /// <summary>The campaign's own uploads are placed too (on the list clock, after every list's).</summary>
    public bool PlacesOwnUploads => By is ByColumn or LocalTime;

    /// <summary>The claim reads the fresh contacts zone slot by zone slot (<see cref="Dialing.DueRanges"/>).</summary>
    public bool ByLocalTime => By == LocalTime;

    public string Describe() => By switch
    {
        ByColumn => $"by '{Column}' {(Descending ? "descending" : "ascending")}",
        LocalTime => "by the customer's local time",
        _ => "as uploaded",
    };

    public IEnumerable<(string Field, string Message)> Problems()
    {
        if (!Kinds.Contains(By))
            yield return ("leadOrder.by", $"One of {string.Join(", ", Kinds)}.");
        else if (By == ByColumn && string.IsNullOrWhiteSpace(Column))
            yield return ("leadOrder.column", "The custom field to order by.");
        else if (By != ByColumn && Column is not null)
            yield return ("leadOrder.column", "Only when ordering by a column.");
        if (Column is { Length: > MaxColumnLength })
            yield return ("leadOrder.column", $"At most {MaxColumnLength} characters.");
    }
}
