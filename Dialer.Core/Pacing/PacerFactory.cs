using Dialer.Core.Pacing.Predictive;

namespace Dialer.Core.Pacing;

public static class PacerFactory
{
    /// <summary>
    /// A new pacer for the campaign's mode. The predictive one carries learned state: keep one instance per
    /// running campaign and feed it outcomes through <see cref="IOutcomeObserver"/>.
    /// </summary>
    public static IPacer Create(DialingMode mode) => mode switch
    {
        DialingMode.Preview => new PreviewPacer(),
        DialingMode.Progressive => new ProgressivePacer(),
        DialingMode.Power => new PowerPacer(),
        DialingMode.Predictive => new PredictivePacer(),
        DialingMode.Agentless => new AgentlessPacer(),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown dialing mode"),
    };
}
