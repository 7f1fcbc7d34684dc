using Dialer.Api.Supervision;
using Dialer.Core.CallerIds;
using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Dialer.Api.CallerIds;

/// <summary>
/// Asks Twilio (IncomingPhoneNumbers, one read per number) whether the account owns each of a campaign's caller IDs
/// and whether it makes voice calls: Twilio refuses any other as the From of a call. The reasons name the number in
/// full: it is the campaign's own setting, which whoever reads the campaign already sees; logs show it masked.
/// </summary>
public sealed class CallerIdOwnership(SupervisionTwilio twilio, ILogger<CallerIdOwnership> log)
{
    /// <returns>one reason per number Twilio would refuse, or the one reason Twilio could not be asked</returns>
    public async Task<string[]> ProblemsAsync(CampaignSettings settings, CancellationToken ct)
    {
        var problems = new List<string>();
        var client = twilio.Client();
        foreach (var number in CallerIdPool.All(settings).Where(Phones.IsE164))
        {
            ct.ThrowIfCancellationRequested();
            IncomingPhoneNumberResource? owned;
            try
            {
                var found = await IncomingPhoneNumberResource.ReadAsync(
                    new ReadIncomingPhoneNumberOptions { PhoneNumber = new PhoneNumber(number), PageSize = 20 },
                    client);
                owned = found.FirstOrDefault(n => n.PhoneNumber?.ToString() == number);
            }
            catch (Exception e) when (e is TwilioException or HttpRequestException or TaskCanceledException
                && !ct.IsCancellationRequested)
            {
                log.LogWarning("Caller IDs not checked: Twilio did not answer ({Error})",
                    PhoneRedaction.Redact(e.Message));
                return [$"Could not ask Twilio which numbers the account owns ({PhoneRedaction.Redact(e.Message)}): "
                    + "the caller IDs are unchecked; try again."];
            }
            if (owned is null)
            {
                log.LogInformation("Caller ID {CallerId} is not the account's", PhoneRedaction.Mask(number));
                problems.Add($"Caller ID {number} is not a number this Twilio account owns: Twilio would refuse "
                    + "every call from it. Remove it, or buy or port it to the account first.");
            }
            else if (owned.Capabilities?.Voice != true)
                problems.Add($"Caller ID {number} cannot make voice calls on Twilio (no voice capability).");
        }
        return [.. problems];
    }
}
