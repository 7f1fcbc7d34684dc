using System.Collections.Concurrent;

namespace Dialer.Core.Dialing.Fallback;

/// <summary>
/// Fallback answers that could not be recorded when they were played (the database down): kept in this process and
/// recorded once it is back (<see cref="UnrecordedAnswersRecorder"/>), so an outage does not hide abandoned calls from
/// the abandon rate. Bounded: past <see cref="Capacity"/> the oldest are dropped, and counted.
/// </summary>
public sealed class UnrecordedAnswers
{
    public const int Capacity = 10_000;
    readonly ConcurrentQueue<FallbackAnswer> _waiting = new();
    long _dropped;

    public int Count => _waiting.Count;
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Remember(FallbackAnswer answer)
    {
        _waiting.Enqueue(answer);
        while (_waiting.Count > Capacity && _waiting.TryDequeue(out _)) Interlocked.Increment(ref _dropped);
    }

    /// <summary>
    /// Takes every waiting answer, oldest first; what could not be recorded goes back with <see cref="Remember"/>.
    /// </summary>
    public List<FallbackAnswer> TakeAll()
    {
        var taken = new List<FallbackAnswer>();
        while (_waiting.TryDequeue(out var answer)) taken.Add(answer);
        return taken;
    }
}
