using System.Collections.Concurrent;

namespace Dialer.Core.Pacing;

/// <summary>
/// One pacer per campaign on the node that paces it. A pacer that learns (predictive) keeps its
/// estimates here between ticks; a new node starts cautious and learns again.
/// </summary>
public sealed class PacerRegistry
{
    /// <summary>A campaign's pacer and how far its observations have been read.</summary>
    public sealed class Entry(DialingMode mode, IPacer pacer, DateTimeOffset observedUntil)
    {
        public DialingMode Mode { get; } = mode;
        public IPacer Pacer { get; } = pacer;
        public DateTimeOffset ObservedUntil { get; set; } = observedUntil;
    }

    /// <summary>How much history a pacer new to this node learns from before its first decision.</summary>
    public static readonly TimeSpan Bootstrap = TimeSpan.FromHours(1);

    readonly ConcurrentDictionary<Guid, Entry> _pacers = new();

    public Entry For(Guid campaignId, DialingMode mode, DateTimeOffset now) =>
        _pacers.AddOrUpdate(campaignId,
            _ => new Entry(mode, PacerFactory.Create(mode), now - Bootstrap),
            (_, existing) => existing.Mode == mode ? existing
            : new Entry(mode, PacerFactory.Create(mode), now - Bootstrap));


    public void Forget(Guid campaignId) => _pacers.TryRemove(campaignId, out _);
}
