namespace Dialer.Core.Campaigns;

/// <summary>How long to wait before trying a contact again after an outcome, and how often at most.</summary>
public sealed record RetryRule(int DelayMinutes, int MaxRetries);

/// <summary>
/// A customer who got the safe-harbour message is called again, at most <paramref name="MaxRetries"/> times, never
/// before <paramref name="LockoutHours"/> (nor before a longer lockout of the jurisdictions that bind the contact).
/// </summary>
public sealed record AbandonedRule(int LockoutHours, int MaxRetries);

public sealed record RetryRules
{
    public const int DefaultAbandonedLockoutHours = 48;

    public RetryRule Busy { get; init; } = new(15, 3);
    public RetryRule NoAnswer { get; init; } = new(120, 3);
    public RetryRule Machine { get; init; } = new(240, 2);
    public RetryRule Failed { get; init; } = new(60, 1);
    public AbandonedRule Abandoned { get; init; } = new(DefaultAbandonedLockoutHours, 1);
    /// <summary>A person answered and hung up before an agent was with them, without being abandoned.</summary>
    public RetryRule GreetingHangUp { get; init; } = new(24 * 60, 1);
}
