namespace Dialer.Core.Scheduling;

/// <summary>
/// What the pacing tick tells the operators' metrics. The host's meter (Dialer.ServiceDefaults' DialerMetrics)
/// implements it, so the domain records its figures without taking on the telemetry stack.
/// </summary>
public interface IPacingMeter
{
    void Paced(Guid campaignId, string mode, int linesOpened);

    /// <param name="phase">decide or claim</param>
    void PacingTickPhase(string phase, TimeSpan elapsed);
}
