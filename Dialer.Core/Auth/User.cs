using System.Security.Cryptography;
using System.Text;

namespace Dialer.Core.Auth;

public sealed class User
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public Role Role { get; set; }
    /// <summary>
    /// SHA-256 of the key: keys are long random strings, so a fast hash is enough and lookups stay O(1).
    /// </summary>
    public string ApiKeyHash { get; set; } = "";
    public Guid? AgentId { get; set; }
    /// <summary>The user's team: what a marketer, manager or agent may see (an admin sees every team's).</summary>
    public Guid TeamId { get; set; } = Teams.Team.DefaultId;
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>
    /// The user's own phone (E.164), registered by an admin: the only number a manager may supervise from.
    /// </summary>
    public string? Phone { get; set; }
    /// <summary>
    /// The browser phone's Twilio identity a manager may supervise from; set at creation, changed by an admin.
    /// </summary>
    public string? ClientIdentity { get; set; }
    /// <summary>The email single sign-on knows the user by (lower case, unique), if any (docs/security.md).</summary>
    public string? Email { get; set; }
    /// <summary>Set: the user's key stops working (within the key cache's few seconds).</summary>
    public DateTimeOffset? DisabledAt { get; set; }
    /// <summary>Set: the key stops working then.</summary>
    public DateTimeOffset? KeyExpiresAt { get; set; }

    /// <summary>Why this user's key is refused now, or null when it works.</summary>
    public string? KeyRefusal(DateTimeOffset now) =>
        DisabledAt is not null ? "This user is disabled."
        : KeyExpiresAt is { } expires && expires <= now ? "This API key has expired."
        : null;

    public static string HashKey(string apiKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));

    public static string NewKey() => "dk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .Replace('+', '-').Replace('/', '_').TrimEnd('=');
}
