namespace Dialer.Core.Changes;

/// <summary>
/// The one order every state change takes its row locks in, so that two changes never wait on each other in a circle:
/// campaign, then call attempt, then its transfer, then contact, then agent; two rows of one kind by ascending id.
/// The attempt comes before its contact because Twilio's callbacks name the attempt: they lock it first, its contact
/// after.
/// Claims that skip locked rows (FOR UPDATE SKIP LOCKED) never wait, so they stand outside the order.
/// </summary>
public enum RowKind
{
    Campaign,
    Attempt,
    Transfer,
    Contact,
    Agent,
}

/// <summary>Refuses, loudly, a lock taken out of <see cref="RowKind"/>'s order: a bug to fix, not a state.</summary>
sealed class LockOrder
{
    (RowKind Kind, IComparable Id)? _last;
    readonly HashSet<(RowKind, object)> _held = [];

    public void Check(RowKind kind, IComparable id)
    {
        if (_held.Contains((kind, id))) return; // held already: locking it again waits for nothing
        if (_last is { } last && (kind < last.Kind || kind == last.Kind && id.CompareTo(last.Id) < 0))
            throw new InvalidOperationException($"Lock order broken: {kind} {id} after {last.Kind} {last.Id} "
                + "(campaign, attempt, transfer, contact, agent; by id).");
        _last = (kind, id);
        _held.Add((kind, id));
    }
}
