using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Dialer.ServiceDefaults.Twilio;

/// <summary>
/// The URLs Twilio's <c>&lt;Play&gt;</c> fetches a campaign's recorded message from. Twilio sends no credential with
/// a media fetch, so the URL is the credential: the audio's id and an expiry, signed with HMAC-SHA256 under a key
/// derived from the account's auth token (which the Api and every Worker already share). The expiry is rounded up to
/// the next hour and one more, so one audio's URL stays the same for an hour (Twilio caches media by URL) and is never
/// valid for more than two.
/// </summary>
public sealed class AudioUrlSigner(IOptions<TwilioOptions> twilio, TimeProvider clock)
{
    public const string Route = WebhookRoutes.Prefix + "/media/audio/{audioId:guid}";
    static readonly byte[] Purpose = "dialer message audio v1"u8.ToArray();

    byte[] Key => HMACSHA256.HashData(Encoding.UTF8.GetBytes(twilio.Value.AuthToken), Purpose);

    /// <param name="hooks">the address Twilio reaches the process serving it on</param>
    public Uri UrlFor(string hooks, Guid audioId)
    {
        var hour = clock.GetUtcNow().ToUnixTimeSeconds() / 3600;
        var expires = (hour + 2) * 3600;
        return new Uri($"{hooks.TrimEnd('/')}{WebhookRoutes.Prefix}/media/audio/{audioId}?exp="
            + expires.ToString(CultureInfo.InvariantCulture) + "&sig=" + Mac(audioId, expires));
    }

    /// <summary>True when the signature is ours for this audio and expiry, and the expiry has not passed.</summary>
    public bool Verify(Guid audioId, string? exp, string? sig)
    {
        if (!long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || expires <= clock.GetUtcNow().ToUnixTimeSeconds() || sig is not { Length: 64 })
            return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(audioId, expires)),
            Encoding.ASCII.GetBytes(sig.ToLowerInvariant()));
    }

    string Mac(Guid audioId, long expires) => Convert.ToHexStringLower(HMACSHA256.HashData(Key,
        Encoding.UTF8.GetBytes(audioId.ToString() + "." + expires.ToString(CultureInfo.InvariantCulture))));
}
