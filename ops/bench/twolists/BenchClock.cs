namespace Dialer.Bench.TwoLists;

/// <summary>
/// The system clock, moved forward when every claimer is idle and the next due contact is a minute away (a contact
/// refused because the other campaign was calling its number is due again a minute later): the run does not sleep.
/// </summary>
public sealed class BenchClock : TimeProvider
{
    long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void MoveTo(DateTimeOffset at)
    {
        var ahead = at - GetUtcNow();
        if (ahead > TimeSpan.Zero) Interlocked.Add(ref _offsetTicks, ahead.Ticks);
    }
}
