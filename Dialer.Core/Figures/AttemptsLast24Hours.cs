using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Figures;

/// <summary>
/// A contact's attempts in the last 24 hours: a rolling window ending now, not the calendar day. What a campaign's
/// maxAttemptsPer24Hours caps; the claim and the pre-launch check count it here, in code and in SQL. An attempt refused
/// before its call was placed (Skipped) called nobody and does not count.
/// </summary>
public static class AttemptsLast24Hours
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>The window's start: attempts created after it count.</summary>
    public static DateTimeOffset Since(DateTimeOffset now) => now - Window;

    /// <summary>Each contact's count (a contact without attempts in the window is not in the dictionary).</summary>
    public static Task<Dictionary<long, int>> ForAsync(DialerDb db, IReadOnlyCollection<long> contactIds,
        DateTimeOffset now, CancellationToken ct)
    {
        var since = Since(now);
        return db.CallAttempts.Where(a => contactIds.Contains(a.ContactId) && a.CreatedAt > since
                && a.State != AttemptState.Skipped)
            .GroupBy(a => a.ContactId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    /// <summary>The same count in SQL for the one contact <paramref name="contactId"/> (an SQL expression), the window
    /// starting at the parameter @since (<see cref="Since"/>).</summary>
    public static string CountSql(string contactId) => $"""
        (SELECT count(*) FROM call_attempts a
          WHERE a.contact_id = {contactId} AND a.created_at > @since AND a.state <> {(int)AttemptState.Skipped})
        """;

    /// <summary>The same count in SQL, one row (contact_id, n) per contact of the campaign parameter with attempts in
    /// the window; the since parameter is <see cref="Since"/>.</summary>
    public static string PerContactSql(string campaignParameter, string sinceParameter) => $"""
        SELECT contact_id, count(*) AS n FROM call_attempts
        WHERE campaign_id = {campaignParameter} AND created_at > {sinceParameter}
          AND state <> {(int)AttemptState.Skipped}
        GROUP BY contact_id
        """;
}
