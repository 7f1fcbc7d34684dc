using Dialer.TwilioSimulator.Hosting;

namespace Dialer.TwilioSimulator.Faults;

/// <summary>The faults in force, and the draws that decide whether one strikes this request or callback.</summary>
public sealed class FaultState(SimRandom random)
{
    readonly Lock _gate = new();
    FaultSettings _settings = new();

    public FaultSettings Current
    {
        get { lock (_gate) return _settings; }
    }

    public FaultSettings Apply(FaultPatch patch)
    {
        lock (_gate) return _settings = patch.ApplyTo(_settings);
    }

    public FaultSettings Reset()
    {
        lock (_gate) return _settings = new FaultSettings();
    }

    public bool Take500() =>
        Take(s => s.Error500Next, s => s with { Error500Next = s.Error500Next - 1 }, s => s.Error500Fraction);

    public bool Take401() =>
        Take(s => s.Error401Next, s => s with { Error401Next = s.Error401Next - 1 }, s => s.Error401Fraction);

    public bool Take429() =>
        Take(s => s.Error429Next, s => s with { Error429Next = s.Error429Next - 1 }, s => s.Error429Fraction);

    public bool TakeHoldCreate() =>
        Take(s => s.HoldCreateNext, s => s with { HoldCreateNext = s.HoldCreateNext - 1 }, s => s.HoldCreateFraction);

    public bool TakeDropCustomerJoin() =>
        Take(s => s.DropCustomerJoinNext, s => s with { DropCustomerJoinNext = s.DropCustomerJoinNext - 1 }, _ => 0);

    /// <summary>The error a create to this number is answered with instead of its call, if any.</summary>
    public InjectedError? CreateErrorFor(string to)
    {
        var current = Current;
        return current.CreateErrorsByNumber?.GetValueOrDefault(to) ?? current.CreateError;
    }

    /// <summary>The outcome a call to this number is forced to, if any (<see cref="FaultSettings.OutcomesByNumber"/>).
    /// </summary>
    public Calls.PlannedOutcome? OutcomeFor(string to) =>
        Current.OutcomesByNumber?.GetValueOrDefault(to) is { } name ? FaultSettings.Outcomes[name] : null;

    public bool DuplicateCallback() => random.Chance(Current.DuplicateCallbackFraction);

    public bool ReorderCallback() => random.Chance(Current.ReorderCallbackFraction);

    bool Take(Func<FaultSettings, int> next, Func<FaultSettings, FaultSettings> consume,
        Func<FaultSettings, double> fraction)
    {
        double chance;
        lock (_gate)
        {
            if (next(_settings) > 0)
            {
                _settings = consume(_settings);
                return true;
            }
            chance = fraction(_settings);
        }
        return random.Chance(chance);
    }
}
