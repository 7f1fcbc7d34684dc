using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dialer.Core.OutboundWebhooks;

/// <summary>
/// The <c>Dialer-Signature</c> header: <c>t={unix seconds},v1={hex HMAC-SHA256 of "{t}.{body}" keyed by the
/// secret}</c>. The timestamp inside the signed text lets a receiver refuse an old message replayed by someone who
/// caught it.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Dialer-Signature";

    public static string Sign(string secret, string body, DateTimeOffset at)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={t},v1={Mac(secret, t, body)}";
    }

    /// <summary>True when <paramref name="header"/> signs <paramref name="body"/> with <paramref name="secret"/>
    /// and its timestamp is within <paramref name="tolerance"/> of <paramref name="now"/>.</summary>
    public static bool Verify(string secret, string body, string? header, DateTimeOffset now, TimeSpan tolerance)
    {
        string? t = null, v1 = null;
        foreach (var part in (header ?? "").Split(','))
        {
            var kv = part.Split('=', 2);
            if (kv.Length != 2) continue;
            if (kv[0].Trim() == "t") t = kv[1].Trim();
            else if (kv[0].Trim() == "v1") v1 = kv[1].Trim();
        }
        if (t is null || v1 is null || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
            return false;
        if ((now - DateTimeOffset.FromUnixTimeSeconds(unix)).Duration() > tolerance) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(secret, t, body)),
            Encoding.ASCII.GetBytes(v1.ToLowerInvariant()));
    }

    static string Mac(string secret, string t, string body) => Convert.ToHexStringLower(
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body)));
}
