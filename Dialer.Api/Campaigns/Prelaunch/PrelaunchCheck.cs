using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Compliance.Registries;
using Dialer.Core.Compliance.Rules;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Figures;
using Dialer.Core.Pacing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dialer.Api.Campaigns.Prelaunch;

/// <summary>
/// Asks <see cref="DialPermit"/> about every contact as if the campaign were launched now. PostgreSQL
/// first folds the contacts into classes that the rules cannot tell apart (same zones, number prefix and stated
/// jurisdiction, status, attempts, do-not-call, attempts in the last 24 hours, consents held, registry copies holding
/// the number), so a list of a
/// million contacts is read as a few hundred rows. The prefix is all a number's place needs: the calling code, and in
/// NANP the area code.
/// </summary>
public sealed class PrelaunchCheck(DialerDb db, TimeProvider clock)
{
    // joins rather than a lookup per contact: a million contacts take under a second this way, five with lookups
    static readonly string ClassesSql = $"""
        WITH listed AS (SELECT DISTINCT c.phone FROM contacts c JOIN do_not_call d
          ON {DoNotCallMatch.BindsSql("d", "c.phone", "@campaign")}
                         WHERE c.campaign_id = @campaign),
             recent AS ({AttemptsLast24Hours.PerContactSql("@campaign", "@since")})
        SELECT c.time_zones, CASE WHEN c.phone LIKE '+1%' THEN left(c.phone, 5) ELSE left(c.phone, 4) END
          AS phone_prefix,
               c.stated_jurisdiction, c.status, c.attempts, l.phone IS NOT NULL AS on_do_not_call,
               coalesce(r.n, 0)::int AS attempts_last24hours,
               coalesce(c.next_attempt_at > @now, false) AS retry_later,
               {ConsentsHeld.Sql("c.id", "c.phone", "@now")}::int AS consents,
               {RegistryListing.Sql("c.phone", "@registries")} AS registry_hits, count(*)::int AS count
        FROM contacts c
        LEFT JOIN listed l ON l.phone = c.phone
        LEFT JOIN recent r ON r.contact_id = c.id
        WHERE c.campaign_id = @campaign
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
        """;

    sealed record ContactClass(string[] TimeZones, string PhonePrefix, string? StatedJurisdiction, string Status,
        int Attempts, bool OnDoNotCall, int AttemptsLast24Hours, bool RetryLater, int Consents, Guid[] RegistryHits,
        int Count);

    sealed class Tally
    {
        public int Count;
        public readonly Dictionary<string, int> Reasons = [];
        public readonly Dictionary<string, int> Rules = [];
        public DateTimeOffset? First;

        public void Add(PermitRefusal refusal, int count, DateTimeOffset? opening = null)
        {
            Add(refusal.Code, count, opening);
            if (refusal.Rule is not null)
                Rules[refusal.ToString()] = Rules.GetValueOrDefault(refusal.ToString()) + count;
        }

        public void Add(string reason, int count, DateTimeOffset? opening = null)
        {
            Count += count;
            Reasons[reason] = Reasons.GetValueOrDefault(reason) + count;
            if (opening is { } o && (First is null || o < First)) First = o;
        }

        public PrelaunchGroup ToGroup() => new(Count, Reasons, First, Rules);
    }

    public async Task<PrelaunchReport> RunAsync(Campaign campaign, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var launched = Campaign.Create(campaign.Settings, now);
        launched.Status = CampaignStatus.Running; // the rules as they will bind once it runs
        var window = campaign.Settings.CallingWindow;
        var openings = new Dictionary<(string, ApplicableRules), DateTimeOffset?>();
        var jurisdictions = new HashSet<ApplicableRules>();
        Tally callable = new(), laterToday = new(), later = new(), never = new();
        var registries = await RegistryCopies.ForTeamAsync(db, campaign.TeamId, now, ct);

        await using var streaming = db.Streaming();
        var classes = streaming.Database.SqlQueryRaw<ContactClass>(ClassesSql,
            new NpgsqlParameter("campaign", campaign.Id), new NpgsqlParameter("now", now),
            new NpgsqlParameter("since", AttemptsLast24Hours.Since(now)),
            RegistryListing.Parameter("registries", registries))
            .AsAsyncEnumerable();
        await foreach (var row in classes.WithCancellation(ct))
        {
            var contact = new Contact
            {
                TimeZones = row.TimeZones, Status = Enum.Parse<ContactStatus>(row.Status), Attempts = row.Attempts,
                Phone = row.PhonePrefix, StatedJurisdiction = row.StatedJurisdiction,
            };
            var rules = DialPermit.RulesFor(campaign.Settings, contact);
            if (contact.Status != ContactStatus.Done) jurisdictions.Add(rules);
            var (onDoNotCall, recent, retryLater, count) =
                (row.OnDoNotCall, row.AttemptsLast24Hours, row.RetryLater, row.Count);

            if (contact.Status == ContactStatus.Done) { never.Add(PrelaunchReasons.Finished, count); continue; }
            var explained = DialPermit.ExplainAtClaim(launched, contact, onDoNotCall, (ConsentKinds)row.Consents,
                recent, PersonHistory.None, now, DialLead.Default, new RegistryCheck(registries, row.RegistryHits));
            switch (explained?.Code)
            {
                case null when retryLater: later.Add(PrelaunchReasons.RetryScheduled, count); break;
                case null: callable.Add(PrelaunchReasons.Lawful, count, now); break;
                case DialPermit.DoNotCall or DialPermit.AttemptsExhausted or DialPermit.NoConsent
                    or DialPermit.NationalRegistry:
                    never.Add(explained!.Value, count); break;
                case DialPermit.Cap24HoursReached: later.Add(explained!.Value, count); break;
                case DialPermit.OutsideHours when contact.TimeZones.Length == 0:
                    never.Add(PrelaunchReasons.ZoneUnknown, count); break;
                case DialPermit.OutsideHours:
                    var key = (string.Join(' ', contact.TimeZones), rules);
                    if (!openings.TryGetValue(key, out var next))
                        openings[key] = next = CallingHours.NextOpening(window, contact.TimeZones, rules, now);
                    if (next is not { } at) never.Add(PrelaunchReasons.NoCommonHours, count);
                    else if (SameLocalDay(now, at, contact.TimeZones[0])) laterToday.Add(explained!.Value, count, at);
                    else later.Add(explained!.Value, count, at);
                    break;
                default: later.Add(explained!.Value, count); break;
            }
        }

        var total = callable.Count + laterToday.Count + later.Count + never.Count;
        return new PrelaunchReport(now, total, callable.ToGroup(), laterToday.ToGroup(), later.ToGroup(),
            never.ToGroup(), [.. Problems(campaign, now, total, callable, laterToday, later, never),
                .. JurisdictionProblems.Of(campaign.Settings, jurisdictions),
                .. RegistryProblems.Of(registries, jurisdictions)]);
    }

    static bool SameLocalDay(DateTimeOffset now, DateTimeOffset at, string zoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone)
        && TimeZoneInfo.ConvertTime(now, zone).Date == TimeZoneInfo.ConvertTime(at, zone).Date;

    /// <summary>
    /// Synchronous detection on a campaign whose answers go to agents: the silence that makes people hang up.
    /// </summary>
    static bool SilentDetection(CampaignSettings s) =>
        s.Mode is not DialingMode.Agentless && s.MachineHandling is not MachineHandling.NoDetection
            && !s.AsyncMachineDetection;

    static string[] Problems(Campaign campaign, DateTimeOffset now, int total, Tally callable, Tally laterToday,
        Tally later, Tally never)
    {
        var problems = new List<string>();
        if (total == 0) problems.Add("The campaign has no contacts: upload a list first.");
        if (campaign.Settings.EndAt is { } end && end <= now) problems.Add("The campaign's end time has passed.");
        if (total > 0 && callable.Count == 0)
            problems.Add((laterToday.First ?? later.First) is { } first
                ? $"No contact may be called now; the first may be called at {first:yyyy-MM-dd HH:mm} UTC."
                : "No contact may be called now.");
        if (never.Count > 0)
            problems.Add($"{never.Count} of {total} contacts will never be called: " +
                string.Join(", ", never.Reasons.OrderByDescending(r => r.Value).Select(r => $"{r.Value} {r.Key}"))
                    + ".");
        if (SilentDetection(campaign.Settings))
            problems.Add(
                "Answering machines are detected before the call is put through: each person waits in silence while " +
                "detection listens (2-4 s), and those who hang up count as abandoned calls. Detect in the background "
                    + "instead.");
        return [.. problems];
    }
}
