using System.Security.Cryptography;
using System.Text;

namespace Dialer.Core.Auth;

public sealed class User
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public Role Role { get; set; }
    /// <summary>SHA-256 of the key: keys are long random strings, so a fast hash is enough and lookups stay O(1).</summary>
    public string ApiKeyHash { get; set; } = "";
    public Guid? AgentId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public static string HashKey(string apiKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));

    public static string NewKey() => "dk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .Replace('+', '-').Replace('/', '_').TrimEnd('=');
}
