using Dialer.Api.Auth;
using Dialer.Api.Campaigns;
using Dialer.Core.Data;
using Dialer.Core.Figures;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Reporting;

/// <summary>
/// A campaign's figures at a glance: contacts, dials and how they ended, the abandon ledger. Every count is the
/// catalogue's (<see cref="CallTotals"/>, <see cref="AbandonLedger"/>), so this, the dashboard and the reports agree;
/// the demo prints its report from here.
/// </summary>
public static class CampaignSummaryApi
{
    /// <param name="AnsweredByPerson">live answers: treated as a person (AMD's human or unknown, or no
    /// detection)</param>
    /// <param name="AnsweredByMachine">answered, handled as a machine</param>
    /// <param name="Bridged">connects: an agent and the customer heard each other</param>
    /// <param name="Abandon">the abandon ledger over the campaign's rolling window</param>
    public sealed record Summary(
        Guid CampaignId, string Status, ContactCounts Contacts, long Attempts, long Dials, long CallsPlaced,
        long InFlight, Dictionary<string, int> Outcomes, long Answered, long AnsweredByPerson, long AnsweredByMachine,
        long Bridged, long Abandoned, long Conversions, double ConversionPerConnect, double LiveAnswerPerDial,
        long NoAnswers, long Busy, long Failed, long DoNotCallStopped, double TalkSeconds, int NumbersDialedTwiceAtOnce,
        DateTimeOffset? FirstDial, DateTimeOffset? LastEnd, AbandonFigures Abandon);

    /// <param name="campaign">the /api/campaigns/{id} group</param>
    public static RouteGroupBuilder MapCampaignSummaryApi(this RouteGroupBuilder campaign)
    {
        campaign.MapGet("/summary", Get).RequireAuthorization(Policies.Reader);
        return campaign;
    }

    static async Task<Results<Ok<Summary>, NotFound>> Get(Guid id, DialerDb db, TimeProvider clock,
        CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return TypedResults.NotFound();
        var counts = (await ContactCountsQuery.ForAsync(db, [id], ct))[id];
        var t = await CallTotals.ForAsync(db, id, ct);
        var ledger = await AbandonLedger.ForAsync(db, campaign, clock.GetUtcNow(), ct);
        var attempts = db.CallAttempts.AsNoTracking().Where(a => a.CampaignId == id);
        var outcomes = await attempts.Where(a => a.Outcome != null).GroupBy(a => a.Outcome!)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        // one attempt at a time per contact: two attempts of one contact whose calls overlapped would be a double call
        var overlapping = await db.Database.SqlQuery<int>($"""
            SELECT count(DISTINCT a.contact_id)::int AS "Value" FROM call_attempts a JOIN call_attempts b
              ON a.contact_id = b.contact_id AND a.id < b.id AND a.call_sid IS NOT NULL AND b.call_sid IS NOT NULL
             AND a.dialed_at < coalesce(b.ended_at, now()) AND b.dialed_at < coalesce(a.ended_at, now())
            WHERE a.campaign_id = {id}
            """).SingleAsync(ct);
        var first = await attempts.MinAsync(a => a.DialedAt, ct);
        var last = await attempts.MaxAsync(a => a.EndedAt, ct);
        return TypedResults.Ok(new Summary(id, campaign.Status.ToString().ToLowerInvariant(), counts, t.Attempts,
            t.Dials, t.CallsPlaced, t.InFlight, outcomes, t.Answered, t.LiveAnswers, t.MachineAnswers, t.Connects,
            t.Abandoned, t.Conversions, t.ConversionPerConnect, t.LiveAnswerPerDial, t.NoAnswers, t.Busy, t.Failed,
            t.DoNotCallStopped, t.TalkSeconds, overlapping, first, last, ledger));
    }
}
