using System.ComponentModel.DataAnnotations;

namespace Dialer.Api.Contacts;

public sealed class ImportOptions
{
    public const string Section = "Import";
    /// <summary>Largest CSV accepted, in bytes.</summary>
    [Range(1024, long.MaxValue)] public long MaxUploadBytes { get; set; } = 512L * 1024 * 1024;
    /// <summary>Rows written per COPY; each batch commits on its own, so good rows land as the file streams.</summary>
    [Range(100, 100_000)] public int BatchSize { get; set; } = 5000;
    /// <summary>Rejected rows listed in the answer; beyond this only their count is given.</summary>
    [Range(0, 1_000_000)] public int MaxRejectionsListed { get; set; } = 10_000;
}
