using Dialer.Core.Compliance;

namespace Dialer.Core.Contacts;

public sealed partial class Contact
{
    /// <summary>A consent was recorded: a contact set aside for want of one is due again (the permit
    /// decides).</summary>
    public void ConsentRecorded(DateTimeOffset now)
    {
        if (Status != ContactStatus.Done || LastOutcome != DialPermit.NoConsent) return;
        Status = ContactStatus.Pending;
        LastOutcome = null;
        NextAttemptAt = now;
    }

    /// <summary>The same, in SQL, for the contacts <paramref name="where"/> selects (an import's).</summary>
    public static string ConsentRecordedSql(string where) => $"""
        UPDATE contacts SET status = '{ContactStatus.Pending}', last_outcome = NULL, next_attempt_at = @now
        WHERE status = '{ContactStatus.Done}' AND last_outcome = '{DialPermit.NoConsent}' AND {where}
        """;
}
