using System.Security.Claims;
using Dialer.Core.Auth;
using Dialer.Core.OutboundWebhooks;

namespace Dialer.Api.OutboundWebhooks;

/// <summary>
/// Who may see and change a subscription. Campaigns have no owner or team yet, and every marketer manages every
/// campaign, so a marketer may manage any subscription to one campaign; a subscription to every campaign (which also
/// hears the global do-not-call list) is an admin's. When campaigns gain an owner or a team, this is the one place to
/// narrow.
/// </summary>
public static class WebhookAccess
{
    public static bool IsAdmin(ClaimsPrincipal user) => user.IsInRole(nameof(Role.Admin));

    public static bool MayManage(ClaimsPrincipal user, WebhookSubscription subscription) =>
        IsAdmin(user) || subscription.CampaignId is not null;

    public static bool MayScope(ClaimsPrincipal user, Guid? campaignId) => IsAdmin(user) || campaignId is not null;
}
