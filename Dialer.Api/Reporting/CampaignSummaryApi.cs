using Dialer.Api.Auth;
using Dialer.Api.Campaigns;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Reporting;

/// <summary>A campaign's figures at a glance: contacts, dials and how they ended.</summary>
public static class CampaignSummaryApi
{
    public sealed record Summary(
        Guid CampaignId, string Status, ContactCounts Contacts, int Attempts, int CallsPlaced, int InFlight,
        Dictionary<string, int> Outcomes, int AnsweredByPerson, int AnsweredByMachine, int Bridged, int NumbersDialedTwiceAtOnce,
        DateTimeOffset? FirstDial, DateTimeOffset? LastEnd, int Conversions);

    public static RouteGroupBuilder MapCampaignSummaryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/campaigns/{id:guid}").WithTags("Reports").RequireAuthorization(Policies.Reader);
        group.MapGet("/summary", Get);
        return group;
    }

    static async Task<Results<Ok<Summary>, NotFound>> Get(Guid id, DialerDb db, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return TypedResults.NotFound();
        var counts = (await ContactCountsQuery.ForAsync(db, [id], ct))[id];
        var attempts = db.CallAttempts.AsNoTracking().Where(a => a.CampaignId == id);
        var outcomes = await attempts.Where(a => a.Outcome != null).GroupBy(a => a.Outcome!)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var total = await attempts.CountAsync(ct);
        var placed = await attempts.CountAsync(a => a.CallSid != null, ct);
        var inFlight = await attempts.CountAsync(a => a.State < AttemptState.Completed, ct);
        var person = await attempts.CountAsync(a => a.AnsweredBy == "human" || (a.AnsweredAt != null && a.AnsweredBy == null), ct);
        var machine = await attempts.CountAsync(a => a.AnsweredBy != null && (a.AnsweredBy.StartsWith("machine") || a.AnsweredBy == "fax"), ct);
        var bridged = await attempts.CountAsync(a => a.BridgedAt != null, ct);
        // one attempt at a time per contact: two attempts of one contact whose calls overlapped would be a double call
        var overlapping = await db.Database.SqlQuery<int>($"""
            SELECT count(DISTINCT a.contact_id)::int AS "Value" FROM call_attempts a JOIN call_attempts b
              ON a.contact_id = b.contact_id AND a.id < b.id AND a.call_sid IS NOT NULL AND b.call_sid IS NOT NULL
             AND a.dialed_at < coalesce(b.ended_at, now()) AND b.dialed_at < coalesce(a.ended_at, now())
            WHERE a.campaign_id = {id}
            """).SingleAsync(ct);
        var first = await attempts.MinAsync(a => a.DialedAt, ct);
        var last = await attempts.MaxAsync(a => a.EndedAt, ct);
        var conversionDispositions = campaign.Settings.ConversionDispositions;
        var conversions = await db.Contacts.CountAsync(c => c.CampaignId == id && c.Disposition != null && conversionDispositions.Contains(c.Disposition), ct);
        return TypedResults.Ok(new Summary(id, campaign.Status.ToString().ToLowerInvariant(), counts, total, placed, inFlight, outcomes,
            person, machine, bridged, overlapping, first, last, conversions));
    }
}
