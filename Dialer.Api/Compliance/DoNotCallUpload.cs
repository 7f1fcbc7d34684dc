using System.Security.Claims;
using Dialer.Api.Auth;
using Dialer.Api.Contacts;
using Dialer.Api.Hosting;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Csv;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dialer.Api.Compliance;

/// <summary>A do-not-call list from a CSV file, read as it arrives and written a batch at a time.</summary>
public static class DoNotCallUpload
{
    const int BatchSize = 1000;

    public sealed record UploadReport(int RowsRead, int Added, int AlreadyListed, int ContactsSuppressed,
        int RejectedCount, bool RejectedTruncated, List<RejectedRow> Rejected);

    public static async Task<Results<Ok<UploadReport>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        HttpRequest request, DialerDb db, IOptions<ImportOptions> options, TimeProvider clock, ClaimsPrincipal user,
        CancellationToken ct, Guid? campaignId = null, string? reason = null, string region = "US")
    {
        if (campaignId is { } cid && !await db.Campaigns.AnyAsync(c => c.Id == cid, ct))
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["campaignId"] = [$"No campaign {cid}."] });
        if (!Phones.IsKnownRegion(region))
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["region"] = [$"'{region}' is not a region code."] });
        if (reason?.Length > DoNotCallApi.MaxReasonChars)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            { ["reason"] = [$"At most {DoNotCallApi.MaxReasonChars} characters."] });

        var (body, error) = await CsvUpload.OpenAsync(request, options.Value.MaxUploadBytes, ct);
        if (body is null) return Problems.BadRequest(error!);
        try
        {
            using var text = new StreamReader(body);
            var headerLine = (await text.ReadLineAsync(ct))?.TrimStart('\uFEFF');
            if (string.IsNullOrWhiteSpace(headerLine))
                return Problems.BadRequest("The file is empty: it needs a header row with a phone column.");
            var separator = CsvRecordReader.DetectSeparator(headerLine);
            var header = new List<string>();
            try { await new CsvRecordReader(new StringReader(headerLine), separator).TryReadAsync(header, ct); }
            catch (CsvFormatException e)
            {
                return Problems.BadRequest($"The header row cannot be read ({e.Message}).");
            }
            if (ContactColumns.FromHeader(header) is not { } columns)
                return Problems.BadRequest(
                    "The header has no phone column (looked for 'phone', 'number', 'mobile'...; found: "
                        + $"{string.Join(", ", header.Take(20))}).");

            var csv = new CsvRecordReader(text, separator, options.Value.MaxRecordChars);
            var report = await ReadAsync(csv, columns.Phone, db, options.Value.MaxRejectionsListed,
                new Entry(campaignId, reason, region, clock.GetUtcNow(), user.AuditId()), ct);
            return TypedResults.Ok(report);
        }
        catch (UploadTooLargeException e)
        {
            return Problems.BadRequest(e.Message + " Numbers read before the limit were added.");
        }
    }

    sealed record Entry(Guid? CampaignId, string? Reason, string Region, DateTimeOffset At, string? By);

    static async Task<UploadReport> ReadAsync(CsvRecordReader csv, int phoneColumn, DialerDb db, int maxListed,
        Entry entry, CancellationToken ct)
    {
        int rows = 0, added = 0, listed = 0, suppressed = 0, rejectedCount = 0;
        var rejected = new List<RejectedRow>();
        var batch = new HashSet<string>();
        var fields = new List<string>();
        void Reject(int line, string why)
        {
            rejectedCount++;
            if (rejected.Count < maxListed) rejected.Add(new RejectedRow(line, why));
        }

        async Task FlushAsync()
        {
            if (batch.Count == 0) return;
            var inserted = await InsertAsync(db, batch, entry, ct);
            added += inserted;
            listed += batch.Count - inserted;
            suppressed += await DoNotCallSuppression.ApplyAsync(db, batch, entry.CampaignId, ct);
            batch.Clear();
        }

        while (true)
        {
            try { if (!await csv.TryReadAsync(fields, ct)) break; }
            catch (CsvFormatException e) { rows++; Reject(e.Line + 1, e.Reason); break; }
            if (fields is [""]) continue;
            rows++;
            var line = csv.RecordLine + 1; // the header was line 1
            if (csv.RecordTooLong)
            {
                Reject(line, "the record is longer than the limit (Import:MaxRecordChars)");
                continue;
            }
            var raw = phoneColumn < fields.Count ? fields[phoneColumn] : "";
            if (!Phones.TryNormalize(raw, entry.Region, out var e164, out var why)) { Reject(line, why); continue; }
            if (!batch.Add(e164)) listed++; // the same number twice in one batch
            if (batch.Count >= BatchSize) await FlushAsync();
        }
        await FlushAsync();
        return new UploadReport(
            rows, added, listed, suppressed, rejectedCount, rejectedCount > rejected.Count, rejected);
    }

    static Task<int> InsertAsync(DialerDb db, IReadOnlyCollection<string> phones, Entry e, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO do_not_call (phone, campaign_id, reason, added_at, added_by, source)
            SELECT p, {e.CampaignId}::uuid, {e.Reason}::text, {e.At}::timestamptz, {e.By}::text,
              {DoNotCallSources.Upload} FROM unnest({phones.ToArray()}) AS p
            ON CONFLICT DO NOTHING
            """, ct);
}
