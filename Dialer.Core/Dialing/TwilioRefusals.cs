using Dialer.Core.Contacts;

namespace Dialer.Core.Dialing;

/// <summary>Whom a Twilio refusal of a create is about: the number dialed, or the account and its settings.</summary>
public enum DialRefusal
{
    /// <summary>This number cannot be called: the contact ends, the list goes on.</summary>
    BadNumber,
    /// <summary>No number can be called until the account or the campaign is fixed: pause, spend no contact.</summary>
    AccountOrConfiguration,
}

/// <summary>
/// The one place a 4xx answer to a create-call request is judged (429 never gets here: it was never processed and is
/// sent again). Twilio answers a number it cannot call with 400 and one of a few codes; anything else (401, 403, 404,
/// 422 from a proxy, an unverified caller ID, geographic permissions, a code this table does not know) would refuse
/// every number alike, so it is taken for the account's: a campaign paused by mistake costs a resume, a list burned
/// by mistake costs the list.
/// </summary>
public static class TwilioRefusals
{
    /// <summary>The outcome of an attempt Twilio refused for the account's sake: never dialed, not spent.</summary>
    public const string AccountRefused = "account-refused";

    /// <summary>Twilio's codes (with HTTP 400) that are about the number dialed, from its error dictionary.</summary>
    public static readonly IReadOnlyDictionary<int, string> NumberCodes = new Dictionary<int, string>
    {
        [21211] = "invalid 'To' phone number",
        [21214] = "'To' phone number cannot be reached",
        [21217] = "phone number does not appear to be valid",
        [21202] = "'To' number is a premium number",
        [21407] = "this phone number type does not support the call",
        [13223] = "invalid phone number format",
        [13224] = "Twilio does not support calling this number or it is invalid",
        [13225] = "forbidden phone number",
        [13226] = "invalid country code",
    };

    /// <summary>What an operator is told for the account and configuration errors met in practice.</summary>
    static readonly IReadOnlyDictionary<int, string> AccountHints = new Dictionary<int, string>
    {
        [20003] = "the account SID or auth token is wrong or was rotated",
        [20005] = "the Twilio account is not active",
        [20404] = "the account in the request is not this token's",
        [21210] = "the caller ID is not a number of the account nor verified on it",
        [21212] = "the caller ID is not a valid number",
        [21213] = "the caller ID is missing",
        [21215] = "the account's geographic permissions do not allow calling this country",
        [21216] = "Twilio blocks these calls (a high-risk destination, or the account lacks a customer profile)",
        [21219] = "a trial account may only call verified numbers",
        [13227] = "the account's geographic permissions do not allow calling this country",
    };

    public static DialRefusal Classify(int httpStatus, int twilioCode) =>
        httpStatus == 400 && NumberCodes.ContainsKey(twilioCode)
            ? DialRefusal.BadNumber
            : DialRefusal.AccountOrConfiguration;

    /// <summary>Why the campaign was paused, for the floor, the builder and the history; no number in clear.</summary>
    public static string PauseReason(int httpStatus, int twilioCode, string message)
    {
        var hint = AccountHints.GetValueOrDefault(twilioCode) ?? httpStatus switch
        {
            401 or 403 => "Twilio refused the credentials",
            404 => "the account or the API address is wrong",
            422 => "something in front of Twilio (a proxy) refused the request",
            _ => "an error the dialer does not know, taken for the account's so that the list is not spent",
        };
        var code = twilioCode == 0 ? "" : $", Twilio error {twilioCode}";
        return $"Twilio refused to place calls (HTTP {httpStatus}{code}: {PhoneRedaction.Redact(message)}): {hint}. "
            + "Fix the account or the campaign, then resume.";
    }
}
