using System.Net;
using System.Net.Sockets;

namespace Dialer.Core.OutboundWebhooks;

/// <summary>
/// Which URLs a subscription may name and which addresses the sender may connect to. A name is checked again at
/// every connection (its address may have changed since it was registered, on purpose or not).
/// </summary>
public static class WebhookAddresses
{
    /// <returns>why the URL is refused, or null when it may be registered</returns>
    public static string? Refusal(string? url, bool allowPrivate)
    {
        if (string.IsNullOrWhiteSpace(url)) return "Give the URL to send the events to.";
        if (url.Length > WebhookSubscription.MaxUrlChars)
            return $"At most {WebhookSubscription.MaxUrlChars} characters.";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return "Not an absolute URL.";
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return "Only http and https URLs.";
        if (uri.UserInfo.Length > 0) return "No user name or password in the URL: sign with the secret instead.";
        if (uri.Fragment.Length > 0) return "No fragment (#) in the URL.";
        if (allowPrivate) return null;
        if (uri.IsLoopback || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            return "A loopback address is not allowed.";
        if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IsPrivate(ip))
            return "A private, loopback or link-local address is not allowed.";
        return null;
    }

    /// <summary>Addresses that lead into a private network or the machine itself rather than the internet.</summary>
    public static bool IsPrivate(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (IPAddress.IsLoopback(ip)) return true;
        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (ip.Equals(IPAddress.IPv6Any) || ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6Multicast)
                return true;
            var first = ip.GetAddressBytes()[0];
            return (first & 0xFE) == 0xFC; // unique local fc00::/7
        }
        var b = ip.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => true,
            100 => b[1] is >= 64 and < 128,            // carrier-grade NAT
            169 => b[1] == 254,                          // link-local, cloud metadata
            172 => b[1] is >= 16 and < 32,
            192 => b[1] == 168 || (b[1] == 0 && b[2] is 0 or 2),
            198 => b[1] is 18 or 19,                     // benchmarking
            >= 224 => true,                              // multicast, reserved, broadcast
            _ => false,
        };
    }
}
