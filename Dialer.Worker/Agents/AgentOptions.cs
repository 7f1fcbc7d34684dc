using System.ComponentModel.DataAnnotations;

namespace Dialer.Worker.Agents;

/// <summary>
/// The Worker's own settings of the "Agents" section; the limits the wall shares are
/// <see cref="Core.Figures.AgentLimits"/>. The two classes own disjoint keys (a test keeps them so).
/// </summary>
public sealed class AgentOptions
{
    public const string Section = "Agents";
    /// <summary>How long the agent's phone rings when the engine opens their line.</summary>
    [Range(5, 120)] public int LineRingSeconds { get; set; } = 30;
    /// <summary>How often the healer looks.</summary>
    [Range(0.1, 600)] public double HealEverySeconds { get; set; } = 2;
    /// <summary>
    /// Demos only: simulated agents cannot click, so after this long in wrap-up the healer sets a disposition for
    /// them and frees them. Null (the default): off, real agents disposition their own calls.
    /// </summary>
    [Range(0, 3600)] public int? AutoWrapUpSeconds { get; set; }
}
