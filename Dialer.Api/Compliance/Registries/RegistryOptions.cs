using System.ComponentModel.DataAnnotations;

namespace Dialer.Api.Compliance.Registries;

public sealed class RegistryOptions
{
    public const string Section = "Registry";
    /// <summary>Largest registry file accepted, in bytes: the US registry's numbers for many area codes run to
    /// hundreds of megabytes.</summary>
    [Range(1024, long.MaxValue)] public long MaxUploadBytes { get; set; } = 2L * 1024 * 1024 * 1024;
    /// <summary>Bad lines listed in the answer; beyond this only their count is given.</summary>
    [Range(0, 1_000_000)] public int MaxRejectionsListed { get; set; } = 1000;
}
