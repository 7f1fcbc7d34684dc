namespace Dialer.Core.CallerIds;

/// <summary>
/// One caller ID's use in its own local day: calls placed from it, how many were answered, whether it is resting, and
/// its counts when a manager last cleared its rest (it is judged afresh on what came after).
/// </summary>
public sealed record NumberUse(int Calls, int Answers, bool Rested, int ClearedCalls = 0, int ClearedAnswers = 0)
{
    public static readonly NumberUse None = new(0, 0, false);

    public double? AnswerRate => Calls == 0 ? null : (double)Answers / Calls;
}
