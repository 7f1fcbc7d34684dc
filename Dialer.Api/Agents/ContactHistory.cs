using Dialer.Core.Data;
using Dialer.Core.Recordings;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Agents;

/// <summary>
/// A contact's earlier calls as the agent console shows them (screen pop and preview). A call the agent took themselves
/// carries its recording, to play again; a colleague's call never does.
/// </summary>
public static class ContactHistory
{
    const int Shown = 20;

    public static Task<AgentConsoleQuery.PastAttempt[]> OfAsync(DialerDb db, long contactId, Guid agentId,
        Guid? exceptAttemptId, CancellationToken ct) =>
        db.CallAttempts.AsNoTracking().Where(a => a.ContactId == contactId && a.Id != exceptAttemptId)
            .OrderByDescending(a => a.CreatedAt).Take(Shown)
            .Select(a => new AgentConsoleQuery.PastAttempt(a.Id, a.DialedAt ?? a.CreatedAt, a.Outcome, a.Disposition,
                a.AgentId == agentId
                    ? db.CallRecordings.Where(r => r.AttemptId == a.Id && r.AgentId == agentId
                        && r.Status == RecordingStatus.Completed)
                        .OrderByDescending(r => r.StartedAt).Select(r => (Guid?)r.Id).FirstOrDefault()
                    : null))
            .ToArrayAsync(ct);
}
