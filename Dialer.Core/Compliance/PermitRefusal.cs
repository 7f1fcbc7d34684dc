namespace Dialer.Core.Compliance;

/// <summary>A refusal's stable code (<see cref="DialPermit"/>'s constants) and, where a rule refused, the rule and its
/// jurisdiction: "outside-calling-hours: ES Mon-Fri 09:00-21:00".</summary>
public readonly record struct PermitRefusal(string Code, string? Rule = null)
{
    public override string ToString() => Rule is null ? Code : $"{Code}: {Rule}";
}
