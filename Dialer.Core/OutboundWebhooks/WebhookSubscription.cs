namespace Dialer.Core.OutboundWebhooks;

/// <summary>
/// A team's URL that hears some events: those of one campaign, or of every campaign of the team when
/// <see cref="CampaignId"/> is null (which also hears the global do-not-call list, shared by every team). Deleting one
/// stops its pending deliveries.
/// </summary>
public sealed class WebhookSubscription
{
    public const int MaxUrlChars = 2000, MinSecretChars = 16, MaxSecretChars = 200, MaxDescriptionChars = 200;

    public Guid Id { get; set; }
    public string Url { get; set; } = "";
    /// <summary>The HMAC key both sides hold; kept as given, since every signature needs it.</summary>
    public string Secret { get; set; } = "";
    /// <summary><see cref="WebhookEvents"/> names.</summary>
    public string[] Events { get; set; } = [];
    public Guid? CampaignId { get; set; }
    /// <summary>Whose it is: the campaign's team, or the team it was registered for.</summary>
    public Guid TeamId { get; set; } = Teams.Team.DefaultId;
    public string? Description { get; set; }
    /// <summary>The id of the user who registered it.</summary>
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
