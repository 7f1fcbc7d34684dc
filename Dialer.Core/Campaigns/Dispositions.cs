namespace Dialer.Core.Campaigns;

/// <summary>The built-in dispositions that do something beyond being recorded.</summary>
public static class Dispositions
{
    public const string DoNotCall = "do-not-call", Callback = "callback", WrongNumber = "wrong-number";
    /// <summary>Recorded when wrap-up ran out without the agent choosing.</summary>
    public const string Missing = "none";

    public static bool IsDoNotCall(string? d) => string.Equals(d, DoNotCall, StringComparison.OrdinalIgnoreCase);
    public static bool IsCallback(string? d) => string.Equals(d, Callback, StringComparison.OrdinalIgnoreCase);
    public static bool IsWrongNumber(string? d) => string.Equals(d, WrongNumber, StringComparison.OrdinalIgnoreCase);
}
