using System.Security.Cryptography;
using System.Text;

namespace Dialer.TwilioSimulator.Callbacks;

/// <summary>
/// X-Twilio-Signature as Twilio computes it: HMAC-SHA1, keyed with the auth token, over the full URL
/// followed by each POST parameter name and value, names sorted ordinally; base64.
/// A GET request's parameters travel in the URL and so are signed as part of it.
/// </summary>
public static class WebhookSigner
{
    public const string Header = "X-Twilio-Signature";

    public static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>>? postParameters)
    {
        var data = new StringBuilder(url);
        if (postParameters is not null)
        {
            foreach (var (name, value) in postParameters.OrderBy(p => p.Key, StringComparer.Ordinal))
                data.Append(name).Append(value);
        }
        var hash = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
        return Convert.ToBase64String(hash);
    }
}
