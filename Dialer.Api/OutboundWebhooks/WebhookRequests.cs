using System.Security.Cryptography;
using Dialer.Core.OutboundWebhooks;

namespace Dialer.Api.OutboundWebhooks;

/// <param name="CampaignId">one campaign's events; none: every campaign of the team</param>
/// <param name="TeamId">without a campaign, the team whose campaigns it hears: the caller's own unless an admin names
/// another</param>
public sealed record CreateWebhookRequest(string? Url, string[]? Events, Guid? CampaignId, string? Secret,
    string? Description, Guid? TeamId = null)
{
    /// <returns>the errors by field; empty when the request may be saved</returns>
    public Dictionary<string, string[]> Validate(bool allowPrivateAddresses)
    {
        var errors = new Dictionary<string, string[]>();
        if (WebhookAddresses.Refusal(Url, allowPrivateAddresses) is { } url) errors["url"] = [url];
        if (Events is not { Length: > 0 })
            errors["events"] = ["Name at least one event: " + string.Join(", ", WebhookEvents.All) + "."];
        else if (Events.Length > WebhookEvents.All.Count || !Events.All(WebhookEvents.IsKnown))
            errors["events"] = ["Only these events: " + string.Join(", ", WebhookEvents.All) + "."];
        if (Secret is { Length: < WebhookSubscription.MinSecretChars or > WebhookSubscription.MaxSecretChars })
            errors["secret"] = [$"Between {WebhookSubscription.MinSecretChars} and {WebhookSubscription.MaxSecretChars}"
                + " characters, or none to have one made."];
        if (Description?.Length > WebhookSubscription.MaxDescriptionChars)
            errors["description"] = [$"At most {WebhookSubscription.MaxDescriptionChars} characters."];
        return errors;
    }

    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .Replace('+', '-').Replace('/', '_').TrimEnd('=');
}

/// <summary>A subscription as the API shows it: never its secret, except once in the answer to its creation.</summary>
public sealed record WebhookResponse(Guid Id, string Url, string[] Events, Guid? CampaignId, Guid TeamId,
    string? Description, string CreatedBy, DateTimeOffset CreatedAt, string? Secret = null)
{
    public static WebhookResponse Of(WebhookSubscription s, bool withSecret = false) => new(s.Id, s.Url, s.Events,
        s.CampaignId, s.TeamId, s.Description, s.CreatedBy, s.CreatedAt, withSecret ? s.Secret : null);
}

public sealed record AttemptResponse(DateTimeOffset At, int? StatusCode, string? Error, int DurationMs);

public sealed record DeliveryResponse(long Id, Guid EventId, string Event, string OrderKey, string State,
    int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, long? ReplayOf,
    IReadOnlyList<AttemptResponse> LastAttempts);
