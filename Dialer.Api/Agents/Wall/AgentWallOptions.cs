using System.ComponentModel.DataAnnotations;

namespace Dialer.Api.Agents.Wall;

/// <summary>
/// The Worker's agent limits (the same "Agents" section) that the wall flags against: an agent past one of them is
/// stuck, or about to be put right by the healer.
/// </summary>
public sealed class AgentWallOptions
{
    public const string Section = "Agents";
    [Range(5, 600)] public int ReservationTimeoutSeconds { get; set; } = 45;
    [Range(5, 3600)] public int ConsoleGraceSeconds { get; set; } = 60;
    /// <summary>A call is flagged when it runs this many times the campaign's usual connected call...</summary>
    [Range(1.5, 20)] public double LongCallFactor { get; set; } = 3;
    /// <summary>...and at least this long (also the limit when the campaign has no usual yet).</summary>
    [Range(60, 7200)] public int LongCallMinimumSeconds { get; set; } = 900;
}
