using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Core.Figures;
using static Dialer.Api.Reporting.SqlRows;

namespace Dialer.Api.Reporting.Jurisdictions;

/// <summary>
/// A campaign's calls by jurisdiction (<see cref="ReportPlace"/>): the attempts dialed and answered, and the contacts a
/// rule refused, with how many each refusal code stopped.
/// </summary>
/// <param name="Jurisdictions">one row per place, most dialed first</param>
public sealed record JurisdictionReport(Guid CampaignId, IReadOnlyList<JurisdictionReport.Place> Jurisdictions)
{
    /// <param name="Dialed">attempts handed to Twilio (<see cref="CallFigures.Dials"/>)</param>
    /// <param name="Answered">attempts picked up, by anyone or anything (<see cref="CallFigures.Answered"/>)</param>
    /// <param name="Refused">contacts a customer-protecting rule refused: suppressed by do-not-call, done for want of
    /// consent, on a national registry or without a lawful hour, or one of whose attempts was stopped before its dial
    /// by such a rule. A contact only waiting for its window to open is not refused.</param>
    /// <param name="Refusals">the refused contacts by refusal code (<see cref="DialPermit"/>'s)</param>
    /// <param name="Waiting">contacts still to call whose next attempt is not due yet: most often held until their
    /// place's calling hours open (the permit's deferral), or a retry's delay</param>
    /// <param name="NextDueAt">the earliest of those contacts' next attempts</param>
    public sealed record Place(string Jurisdiction, long Contacts, long Dialed, long Answered, long Refused,
        SortedDictionary<string, long> Refusals, long Waiting, DateTimeOffset? NextDueAt);

    /// <summary>What a rule says when it refuses a contact, on the contact (its last outcome) or a skipped
    /// attempt.</summary>
    public static readonly string[] RuleRefusals =
    [
        DialPermit.DoNotCall, DialPermit.OutsideHours, DialPermit.NoConsent, DialPermit.NationalRegistry,
        DialPermit.RegistryOutOfDate, DialPermit.PersonCapReached, DialPermit.AbandonedLockout,
        "no-common-calling-hours", "zone-unknown",
    ];

    public static async Task<JurisdictionReport> ForAsync(DialerDb db, Guid campaignId, DateTimeOffset now,
        CancellationToken ct)
    {
        var places = new Dictionary<string, Tally>();
        await foreach (var row in db.RowsAsync<ContactRow>(Sql, ct, P("id", campaignId), P("rules", RuleRefusals),
                           P("now", now)))
        {
            var key = ReportPlace.Of(row.Phone, row.StatedJurisdiction);
            var tally = places.TryGetValue(key, out var t) ? t : places[key] = new Tally();
            tally.Contacts++;
            tally.Dialed += row.Dialed;
            tally.Answered += row.Answered;
            if (row.Refusal is { } code) tally.Refusals[code] = tally.Refusals.GetValueOrDefault(code) + 1;
            if (row.WaitingUntil is { } until)
            {
                tally.Waiting++;
                tally.NextDueAt = tally.NextDueAt is { } next && next < until ? next : until;
            }
        }
        return new JurisdictionReport(campaignId, [.. places
            .Select(p => new Place(p.Key, p.Value.Contacts, p.Value.Dialed, p.Value.Answered,
                p.Value.Refusals.Values.Sum(), p.Value.Refusals, p.Value.Waiting, p.Value.NextDueAt))
            .OrderByDescending(p => p.Dialed).ThenBy(p => p.Jurisdiction, StringComparer.Ordinal)]);
    }

    sealed class Tally
    {
        public long Contacts, Dialed, Answered, Waiting;
        public DateTimeOffset? NextDueAt;
        public SortedDictionary<string, long> Refusals { get; } = new(StringComparer.Ordinal);
    }

    sealed record ContactRow(string Phone, string? StatedJurisdiction, long Dialed, long Answered, string? Refusal,
        DateTimeOffset? WaitingUntil);

    // one row per contact, its attempts folded in: a million contacts stream, and no phone leaves this query's reader
    static readonly string Sql = $"""
        SELECT c.phone, c.stated_jurisdiction,
               count(a.id) FILTER (WHERE {CallFigures.Dials.Sql}) AS dialed,
               count(a.id) FILTER (WHERE {CallFigures.Answered.Sql}) AS answered,
               coalesce(CASE WHEN c.status = '{ContactStatus.Suppressed}' THEN '{DialPermit.DoNotCall}' END,
                 CASE WHEN c.status = '{ContactStatus.Done}' AND c.last_outcome = ANY(@rules) THEN c.last_outcome END,
                 min(a.outcome) FILTER (WHERE a.state = {(int)AttemptState.Skipped} AND a.outcome = ANY(@rules)))
                 AS refusal,
               CASE WHEN c.status = '{ContactStatus.Pending}' AND c.next_attempt_at > @now
                 THEN c.next_attempt_at END AS waiting_until
          FROM contacts c LEFT JOIN call_attempts a ON a.contact_id = c.id AND a.campaign_id = c.campaign_id
         WHERE c.campaign_id = @id
         GROUP BY c.id
        """;
}
