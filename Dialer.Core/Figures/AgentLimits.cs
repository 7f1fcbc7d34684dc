using System.ComponentModel.DataAnnotations;

namespace Dialer.Core.Figures;

/// <summary>
/// The agent limits of the "Agents" section: the Worker's healer puts an agent right past them, and the wall flags the
/// agent as stuck past the same ones (the browser is given them by the Api, never a copy). The section's other keys
/// (the line's ring, the healer's pace, the demo's wrap-up) are the Worker's alone, in Dialer.Worker's AgentOptions:
/// the two classes own disjoint keys, and a test keeps them so.
/// </summary>
public sealed class AgentLimits
{
    public const string Section = "Agents";
    /// <summary>A Reserved agent whose call has not connected after this long is freed.</summary>
    [Range(5, 600)] public int ReservationTimeoutSeconds { get; set; } = 45;
    /// <summary>An agent whose console has been gone this long is logged out.</summary>
    [Range(5, 3600)] public int ConsoleGraceSeconds { get; set; } = 60;
    /// <summary>A call is flagged when it runs this many times the campaign's usual connected call...</summary>
    [Range(1.5, 20)] public double LongCallFactor { get; set; } = 3;
    /// <summary>...and at least this long (also the limit when the campaign has no usual yet).</summary>
    [Range(60, 7200)] public int LongCallMinimumSeconds { get; set; } = 900;
}
