namespace Dialer.Core.Compliance.Consents;

/// <summary>
/// What a person agreed to be called for. A set, so the permit checks a contact's held kinds with one AND: the claim
/// asks it for every candidate.
/// </summary>
[Flags]
public enum ConsentKinds
{
    None = 0,
    /// <summary>Marketing calls by a person (an agent): what a campaign with agents needs.</summary>
    MarketingCalls = 1,
    /// <summary>Prerecorded or artificial-voice calls: what an agentless campaign needs.</summary>
    Prerecorded = 2,
    All = MarketingCalls | Prerecorded,
}

/// <summary>The kinds' names as the API, the CSV and the database spell them.</summary>
public static class ConsentKind
{
    public const string MarketingCalls = "marketing-calls", Prerecorded = "prerecorded";
    public static readonly string[] Names = [MarketingCalls, Prerecorded];

    public static string Name(ConsentKinds kind) => kind switch
    {
        ConsentKinds.MarketingCalls => MarketingCalls,
        ConsentKinds.Prerecorded => Prerecorded,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "one kind"),
    };

    public static bool TryParse(string? text, out ConsentKinds kind)
    {
        kind = text?.Trim().ToLowerInvariant() switch
        {
            MarketingCalls => ConsentKinds.MarketingCalls,
            Prerecorded => ConsentKinds.Prerecorded,
            _ => ConsentKinds.None,
        };
        return kind != ConsentKinds.None;
    }

    /// <summary>The kind column as its bit, in SQL.</summary>
    public static string BitSql(string column) =>
        $"(CASE {column} WHEN '{MarketingCalls}' THEN {(int)ConsentKinds.MarketingCalls} "
        + $"WHEN '{Prerecorded}' THEN {(int)ConsentKinds.Prerecorded} ELSE 0 END)";
}
