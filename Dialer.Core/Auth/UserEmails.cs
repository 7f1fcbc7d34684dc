namespace Dialer.Core.Auth;

/// <summary>
/// A user's email, as single sign-on finds them by it: trimmed, lower case, one '@', at most 254 characters.
/// </summary>
public static class UserEmails
{
    public const int MaxLength = 254;

    public static bool TryNormalize(string? raw, out string email, out string reason)
    {
        email = (raw ?? "").Trim().ToLowerInvariant();
        reason = email.Length == 0 ? "Give an email address."
            : email.Length > MaxLength ? $"At most {MaxLength} characters."
            : email.Count(c => c == '@') != 1 || email[0] == '@' || email[^1] == '@' || email.Any(char.IsWhiteSpace)
                ? "Not an email address."
            : "";
        return reason.Length == 0;
    }
}
