namespace Dialer.Core.Privacy;

/// <summary>
/// A number's keyed hash, computed by PostgreSQL (<c>dialer_phone_hash(text)</c>, made by the Erasures migration):
/// SHA-256 of a random key drawn once per database (<c>privacy_keys</c>) and the E.164 number. Anonymised attempts keep
/// it, so the calls-per-person and abandoned-call rules still count an erased person's calls; without the key it
/// cannot be turned back into a number by trying every number.
/// </summary>
public static class PhoneHash
{
    public const string Function = "dialer_phone_hash";

    public static string Sql(string phoneExpression) => $"{Function}({phoneExpression})";
}
