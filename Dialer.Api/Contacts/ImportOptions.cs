using System.ComponentModel.DataAnnotations;

namespace Dialer.Api.Contacts;

public sealed class ImportOptions
{
    public const string Section = "Import";
    /// <summary>Largest CSV accepted, in bytes.</summary>
    [Range(1024, long.MaxValue)] public long MaxUploadBytes { get; set; } = 512L * 1024 * 1024;
    /// <summary>Rows written per COPY; each batch commits on its own, so good rows land as the file streams.</summary>
    [Range(100, 100_000)] public int BatchSize { get; set; } = 5000;
    /// <summary>
    /// Batches written at once, each on a pooled connection of its own: PostgreSQL's INSERT … SELECT runs on one core
    /// per connection.
    /// </summary>
    [Range(1, 16)] public int WritersInFlight { get; set; } = 2;
    /// <summary>Rejected rows listed in the answer; beyond this only their count is given.</summary>
    [Range(0, 1_000_000)] public int MaxRejectionsListed { get; set; } = 10_000;
    /// <summary>
    /// Data rows read from one upload; the rest are refused with a 413 naming the first line not read.
    /// </summary>
    [Range(1, 100_000_000)] public int MaxRowsPerUpload { get; set; } = 1_000_000;
    /// <summary>Contacts one campaign may hold; rows that would go past it are refused with a 413.</summary>
    [Range(1, 100_000_000)] public int MaxContactsPerCampaign { get; set; } = 5_000_000;
    /// <summary>Columns in the header row (phone, name, time zone and custom fields).</summary>
    [Range(1, 1000)] public int MaxColumns { get; set; } = 50;
    /// <summary>Characters in one field; a longer field rejects its row.</summary>
    [Range(10, 1_000_000)] public int MaxFieldChars { get; set; } = 1000;
    /// <summary>Characters in one record (line, or lines inside quotes); a longer record rejects its row.</summary>
    [Range(100, 10_000_000)] public int MaxRecordChars { get; set; } = 64 * 1024;
}
