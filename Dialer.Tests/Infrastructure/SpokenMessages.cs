using Dialer.Core.Campaigns;
using Dialer.Core.Campaigns.Speech;

namespace Dialer.Tests.Infrastructure;

public static class SpokenMessages
{
    /// <summary>The campaign's safe-harbour message as the customer hears it (placeholders filled).</summary>
    public static string Spoken(Campaign campaign) =>
        SpokenText.Of(campaign.Settings, campaign.Settings.SafeHarbourMessage);
}
