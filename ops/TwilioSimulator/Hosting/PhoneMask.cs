namespace Dialer.TwilioSimulator.Hosting;

/// <summary>Phone numbers never reach the logs whole: only their last four digits.</summary>
public static class PhoneMask
{
    public static string Mask(string? number)
    {
        if (string.IsNullOrEmpty(number)) return "";
        if (number.StartsWith("client:", StringComparison.OrdinalIgnoreCase)) return number;
        return number.Length <= 4 ? new string('*', number.Length) : "***" + number[^4..];
    }

    /// <summary>
    /// An agent's name for the logs: a phone agent is named by their number, so it is masked; client names are not.
    /// </summary>
    public static string Agent(string name) => name.StartsWith('+') ? Mask(name) : name;
}
