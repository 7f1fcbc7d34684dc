namespace Dialer.Core.Contacts;

/// <summary>
/// An exception as a log may show it: its message and its whole text (type, inner exceptions, stack) with every phone
/// number masked. A request's failure quotes its URL, and a lookup by number carries the number in its query.
/// </summary>
public sealed class RedactedException(Exception original)
    : Exception(PhoneRedaction.Redact(original.Message))
{
    public Type OriginalType => original.GetType();

    public override string? StackTrace => original.StackTrace;

    public override string ToString() => PhoneRedaction.Redact(original.ToString());
}
