using System.Security.Cryptography;
using System.Text;

namespace Dialer.TwilioSimulator.Numbers;

/// <summary>Twilio's IncomingPhoneNumber resource (api.v2010.account.incoming_phone_number), every field named.</summary>
public static class IncomingPhoneNumberJson
{
    public static Dictionary<string, object?> Of(string accountSid, OwnedNumber number)
    {
        var sid = "PN" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(number.PhoneNumber)))[..32];
        const string created = "Thu, 30 Jul 2015 23:19:04 +0000";
        return new()
        {
            ["account_sid"] = accountSid, ["address_requirements"] = "none", ["address_sid"] = null,
            ["api_version"] = "2010-04-01", ["beta"] = false,
            ["capabilities"] = new Dictionary<string, bool>
            {
                ["voice"] = number.Voice, ["sms"] = false, ["mms"] = false, ["fax"] = false,
            },
            ["date_created"] = created, ["date_updated"] = created, ["emergency_status"] = "Inactive",
            ["emergency_address_sid"] = null, ["emergency_address_status"] = "unregistered",
            ["friendly_name"] = number.PhoneNumber, ["identity_sid"] = null, ["origin"] = "twilio",
            ["phone_number"] = number.PhoneNumber, ["sid"] = sid, ["sms_application_sid"] = "",
            ["sms_fallback_method"] = "POST", ["sms_fallback_url"] = "", ["sms_method"] = "POST", ["sms_url"] = "",
            ["status_callback"] = "", ["status_callback_method"] = "POST", ["trunk_sid"] = null,
            ["uri"] = $"/2010-04-01/Accounts/{accountSid}/IncomingPhoneNumbers/{sid}.json",
            ["voice_application_sid"] = "", ["voice_caller_id_lookup"] = false, ["voice_fallback_method"] = "POST",
            ["voice_fallback_url"] = null, ["voice_method"] = "POST", ["voice_url"] = number.VoiceUrl,
            ["bundle_sid"] = null, ["voice_receive_mode"] = number.Voice ? "voice" : "fax", ["status"] = "in-use",
            ["type"] = "local",
        };
    }
}
