using Dialer.Core.Figures;
using Dialer.Core.Pacing;

namespace Dialer.Core.Dialing;

/// <summary>How an attempt ended, as the retry rules see it: each end has its own rule.</summary>
public enum AttemptEnd
{
    Busy,
    NoAnswer,
    Failed,
    Machine,
    /// <summary>A person got the safe-harbour message (<see cref="CallFigures.Abandoned"/>).</summary>
    Abandoned,
    /// <summary>A person answered and hung up before an agent was with them, in time not to be abandoned.</summary>
    GreetingHangUp,
    /// <summary>A person and an agent spoke, or an agentless campaign's message was heard.</summary>
    Reached,
    /// <summary>Anything else (a rejected number, a canceled call): no automatic retry.</summary>
    Other,
}

public static class AttemptEnds
{
    public static AttemptEnd Of(CallAttempt a, DialingMode mode) =>
        Of(a.Outcome ?? "failed", MachineVerdict.Is(a.AnsweredBy), a.LiveAnswer, a.Abandoned, a.BridgedAt is not null,
            mode == DialingMode.Agentless);

    public static AttemptEnd Of(string outcome, bool machine, bool live, bool abandoned, bool connected,
        bool agentless) => outcome switch
        {
            _ when live && abandoned => AttemptEnd.Abandoned,
            _ when machine => AttemptEnd.Machine,
            _ when live && agentless => AttemptEnd.Reached,
            _ when live => connected ? AttemptEnd.Reached : AttemptEnd.GreetingHangUp,
            "busy" => AttemptEnd.Busy,
            "no-answer" => AttemptEnd.NoAnswer,
            "failed" or "not-placed" => AttemptEnd.Failed,
            _ => AttemptEnd.Other,
        };
}
