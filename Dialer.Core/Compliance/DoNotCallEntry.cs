namespace Dialer.Core.Compliance;

/// <summary>A number that must not be called: globally, or by one campaign. The list is what binds; removals leave
/// it for <see cref="DoNotCallRemoval"/>, which keeps them.</summary>
public sealed class DoNotCallEntry
{
    public long Id { get; set; }
    /// <summary>E.164.</summary>
    public string Phone { get; set; } = "";
    /// <summary>Null: the global list, which binds every campaign.</summary>
    public Guid? CampaignId { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    /// <summary>The id of the user who added it (or "healer", "system").</summary>
    public string? AddedBy { get; set; }
    /// <summary>How it came: <see cref="DoNotCallSources"/>.</summary>
    public string Source { get; set; } = DoNotCallSources.Api;
}

public static class DoNotCallSources
{
    public const string Api = "api", Upload = "upload";
    /// <summary>The customer asked, on a call (the agent's do-not-call disposition): a legal record.</summary>
    public const string CustomerRequest = "customer-request";
    /// <summary>The customer pressed the opt-out key during the safe-harbour or agentless message.</summary>
    public const string KeyPress = "key press";
    /// <summary>The customer called a caller ID back and pressed the opt-out key.</summary>
    public const string CallbackLine = "callback line";
}
