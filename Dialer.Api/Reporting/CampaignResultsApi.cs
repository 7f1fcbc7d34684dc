using Dialer.Api.Auth;
using Dialer.Core.Csv;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static Dialer.Api.Reporting.SqlRows;

namespace Dialer.Api.Reporting;

/// <summary>Campaign results: the funnel as JSON, and every contact's end state as a streamed CSV.</summary>
public static class CampaignResultsApi
{
    /// <param name="campaign">the /api/campaigns/{id} group</param>
    public static RouteGroupBuilder MapCampaignResultsApi(this RouteGroupBuilder campaign)
    {
        var results = campaign.MapGroup("").RequireAuthorization(Policies.Reader);
        results.MapGet("/results", Get);
        results.MapGet("/results.csv", Csv);
        return campaign;
    }

    static async Task<Results<Ok<CampaignResults>, NotFound>> Get(Guid id, DialerDb db, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return TypedResults.NotFound();
        return TypedResults.Ok(await CampaignResults.ForAsync(db, campaign, ct));
    }

    public const string CsvHeader =
        "contact_id,phone,name,final_status,attempts,last_outcome,last_attempt_at,disposition,agent";

    /// <summary>The column of a script's field: its key, prefixed so that it never clashes with the columns above.
    /// </summary>
    public static string FieldColumn(string key) => "field_" + key;

    static async Task<IResult> Csv(Guid id, DialerDb db, HttpResponse response, CancellationToken ct)
    {
        var settings = await db.Campaigns.AsNoTracking().Where(c => c.Id == id).Select(c => c.Settings)
            .FirstOrDefaultAsync(ct);
        if (settings is null) return TypedResults.NotFound();
        var fields = settings.ScriptFields.Select(f => f.Key).ToArray();
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"results-{id}.csv\"";
        await using var writer = new StreamWriter(response.Body, new System.Text.UTF8Encoding(false), 64 * 1024);
        await writer.WriteLineAsync(string.Join(',', [CsvHeader, .. fields.Select(FieldColumn)]));
        // the disposition, agent and script's answers are those of the contact's latest attempt that has them
        var rows = db.RowsAsync<ResultRow>("""
            SELECT c.id AS contact_id, c.phone, c.name, c.status, c.attempts, c.last_outcome, c.last_attempt_at,
                   coalesce(c.disposition, d.disposition) AS disposition, coalesce(g.name, la.agent_id::text) AS agent,
                   sa.script_answers::text AS script_answers
              FROM contacts c
              LEFT JOIN LATERAL (SELECT a.disposition FROM call_attempts a WHERE a.contact_id = c.id
                AND a.disposition IS NOT NULL
                                  ORDER BY a.created_at DESC LIMIT 1) d ON true
              LEFT JOIN LATERAL (SELECT a.agent_id FROM call_attempts a WHERE a.contact_id = c.id
                AND a.agent_id IS NOT NULL
                                  ORDER BY a.created_at DESC LIMIT 1) la ON true
              LEFT JOIN agents g ON g.id = la.agent_id
              LEFT JOIN LATERAL (SELECT a.script_answers FROM call_attempts a WHERE a.contact_id = c.id
                AND a.script_answers IS NOT NULL
                                  ORDER BY a.created_at DESC LIMIT 1) sa ON true
             WHERE c.campaign_id = @id
             ORDER BY c.id
            """, ct, P("id", id)).Select(r => r.Cells(fields));
        await foreach (var cells in rows)
            await writer.WriteLineAsync(string.Join(',', cells.Select(SpreadsheetSafe.Field)));
        return TypedResults.Empty;
    }

    /// <summary>The CSV's row: the columns of <see cref="CsvHeader"/>, in order, then the script's fields.</summary>
    sealed record ResultRow(long ContactId, string Phone, string? Name, string Status, int Attempts,
        string? LastOutcome, DateTimeOffset? LastAttemptAt, string? Disposition, string? Agent, string? ScriptAnswers)
    {
        public string?[] Cells(string[] fields) => [ContactId.ToString(), Phone, Name, Status.ToLowerInvariant(),
            Attempts.ToString(), LastOutcome, LastAttemptAt?.ToString("O"), Disposition, Agent,
            .. fields.Select(f => Core.Campaigns.Scripts.ScriptAnswers.Cell(ScriptAnswers, f))];
    }
}
