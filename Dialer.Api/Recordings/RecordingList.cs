using Dialer.Core.Data;
using Dialer.Core.Recordings;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Recordings;

/// <summary>
/// One recording as a manager lists it: whose call, when, how long, and whether its audio is still kept.
/// </summary>
public sealed record RecordingRow(Guid Id, Guid AttemptId, Guid? AgentId, string? AgentName, DateTimeOffset StartedAt,
    int? DurationSeconds, RecordingStatus Status, DateTimeOffset DeleteAfter, DateTimeOffset? DeletedAt)
{
    /// <summary>
    /// The campaign's recordings, newest first; <paramref name="attemptId"/> narrows them to one attempt's.
    /// </summary>
    public static IQueryable<RecordingRow> Of(DialerDb db, Guid campaignId, Guid? attemptId) =>
        from r in db.CallRecordings.AsNoTracking()
        where r.CampaignId == campaignId && (attemptId == null || r.AttemptId == attemptId)
        join g in db.Agents on r.AgentId equals g.Id into agents
        from g in agents.DefaultIfEmpty()
        orderby r.StartedAt descending, r.Id
        select new RecordingRow(r.Id, r.AttemptId, r.AgentId, g.Name, r.StartedAt, r.DurationSeconds, r.Status,
            r.DeleteAfter, r.DeletedAt);

    /// <summary>An agent's own kept recording of the attempt, if any: what their call history offers to play.</summary>
    public static IQueryable<Guid?> PlayableBy(DialerDb db, Guid attemptId, Guid agentId) =>
        db.CallRecordings.Where(r => r.AttemptId == attemptId && r.AgentId == agentId
            && r.Status == RecordingStatus.Completed)
            .OrderByDescending(r => r.StartedAt).Select(r => (Guid?)r.Id);
}
