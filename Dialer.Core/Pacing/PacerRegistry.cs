using System.Collections.Concurrent;

namespace Dialer.Core.Pacing;

/// <summary>
/// One pacer per campaign on the node that paces it. A pacer that learns (predictive) keeps its
/// estimates here between ticks; a new node starts cautious and learns again.
/// </summary>
public sealed class PacerRegistry
{
    readonly ConcurrentDictionary<Guid, (DialingMode Mode, IPacer Pacer)> _pacers = new();

    public IPacer For(Guid campaignId, DialingMode mode) =>
        _pacers.AddOrUpdate(campaignId,
            _ => (mode, PacerFactory.Create(mode)),
            (_, existing) => existing.Mode == mode ? existing : (mode, PacerFactory.Create(mode))).Pacer;

    public bool TryGet(Guid campaignId, out IPacer? pacer)
    {
        var found = _pacers.TryGetValue(campaignId, out var entry);
        pacer = found ? entry.Pacer : null;
        return found;
    }

    public void Forget(Guid campaignId) => _pacers.TryRemove(campaignId, out _);
}
