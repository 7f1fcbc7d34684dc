using Dialer.Core.Contacts;

namespace Dialer.Core.Campaigns.Speech;

/// <summary>
/// A campaign's message as the customer hears it: <c>{callerId}</c> becomes the campaign's caller ID written as its
/// country writes it (a number to call back), <c>{optOutDigit}</c> the key that takes them off the list.
/// </summary>
public static class SpokenText
{
    public const string CallerId = "{callerId}", OptOutDigit = "{optOutDigit}";

    public static string Of(CampaignSettings settings, string text) => text
        .Replace(CallerId, Phones.National(settings.CallerId), StringComparison.Ordinal)
        .Replace(OptOutDigit, settings.OptOutDigit, StringComparison.Ordinal);
}
