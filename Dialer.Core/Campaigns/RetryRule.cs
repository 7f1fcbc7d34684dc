namespace Dialer.Core.Campaigns;

/// <summary>How long to wait before trying a contact again after an outcome, and how often at most.</summary>
public sealed record RetryRule(int DelayMinutes, int MaxRetries);

public sealed record RetryRules
{
    public RetryRule Busy { get; init; } = new(15, 3);
    public RetryRule NoAnswer { get; init; } = new(120, 3);
    public RetryRule Machine { get; init; } = new(240, 2);
    public RetryRule Failed { get; init; } = new(60, 1);
}
