namespace Dialer.Core.Campaigns;

public enum DispositionRetry { Never, After }

/// <summary>
/// What an agent's disposition does to the contact's next attempt: <see cref="DispositionRetry.Never"/> closes it;
/// <see cref="DispositionRetry.After"/> tries it again in <see cref="DelayMinutes"/>, at most
/// <see cref="MaxRetries"/> times for this disposition. A disposition without a rule keeps the outcome's rule.
/// </summary>
public sealed record DispositionRule
{
    public string Disposition { get; init; } = "";
    public DispositionRetry Retry { get; init; }
    public int DelayMinutes { get; init; }
    public int MaxRetries { get; init; }

    public static DispositionRule? For(IEnumerable<DispositionRule>? rules, string? disposition) =>
        disposition is null ? null
            : rules?.FirstOrDefault(r => string.Equals(r.Disposition, disposition, StringComparison.OrdinalIgnoreCase));
}
