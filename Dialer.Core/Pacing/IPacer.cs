namespace Dialer.Core.Pacing;

public interface IPacer
{
    /// <summary>How many new calls to place now: never negative, never past the line ceiling or trunk cap.</summary>
    int LinesToOpen(PacingSnapshot snapshot);
}

/// <summary>A pacer that learns from outcomes as they become known.</summary>
public interface IOutcomeObserver
{
    void Observe(PacingObservation observation);
}
