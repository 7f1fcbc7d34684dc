using Dialer.Api.Auth;
using Dialer.Api.Campaigns;
using Dialer.Api.Hosting;
using Dialer.Core.Contacts;
using Dialer.Core.Csv;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dialer.Api.Contacts;

public static class ContactsApi
{
    /// <param name="campaign">the /api/campaigns/{id} group</param>
    public static RouteGroupBuilder MapContactsApi(this RouteGroupBuilder campaign)
    {
        var contacts = campaign.MapGroup("/contacts");
        contacts.MapPost("/", Import).Accepts<IFormFile>("text/csv", "multipart/form-data")
            .WithDescription("Upload a CSV with a header row and a phone column (name, time zone and any other columns "
                + "are optional).")
            .RequireAuthorization(Policies.Marketer);
        contacts.MapGet("/", List).RequireAuthorization(Policies.Reader);
        contacts.MapGet("/export", Export).RequireAuthorization(Policies.Reader);
        return campaign;
    }

    static async Task<Results<Ok<ImportReport>, NotFound, ProblemHttpResult>> Import(
        Guid id, HttpRequest request, DialerDb db, ContactImporter importer, IOptions<ImportOptions> options,
        CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return TypedResults.NotFound();

        var (body, error) = await CsvUpload.OpenAsync(request, options.Value.MaxUploadBytes, ct);
        if (body is null) return Problems.BadRequest(error!);
        try
        {
            return TypedResults.Ok(await importer.ImportAsync(id, campaign.Settings.DefaultRegion, body, ct));
        }
        catch (ContactImporter.NotCsvException e) { return Problems.BadRequest(e.Message); }
        catch (ContactImporter.LimitException e) { return Problems.TooLarge(e.Message, e.Line, e.Report); }
        catch (UploadTooLargeException e)
        {
            return Problems.BadRequest(e.Message + " Rows read before the limit were imported.");
        }
    }

    public sealed record ContactResponse(long Id, string Phone, string? Name, string[] TimeZones, ContactStatus Status,
        int Attempts, DateTimeOffset? NextAttemptAt, string? LastOutcome, string? Disposition,
        System.Text.Json.JsonElement? CustomFields);

    static async Task<Results<Ok<Page<ContactResponse>>, NotFound, ValidationProblem>> List(
        Guid id, DialerDb db, CancellationToken ct, string? status = null, int page = 1, int pageSize = 100,
        long? after = null)
    {
        if (Paging.TooFar(page) is { } tooFar) return TypedResults.ValidationProblem(tooFar);
        ContactStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<ContactStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                { ["status"] = [$"'{status}' is not one of: {string.Join(", ", Enum.GetNames<ContactStatus>())}."] });
            wanted = parsed;
        }
        if (!await db.Campaigns.AnyAsync(c => c.Id == id, ct)) return TypedResults.NotFound();
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var query = db.Contacts.AsNoTracking().Where(c => c.CampaignId == id);
        if (wanted is { } s) query = query.Where(c => c.Status == s);
        var total = await query.CountAsync(ct);
        // ?after= pages by key: as fast on the millionth row as on the first
        var rows = after is { } last
            ? await query.Where(c => c.Id > last).OrderBy(c => c.Id).Take(pageSize).ToListAsync(ct)
            : await query.OrderBy(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var items = rows.Select(c => new ContactResponse(c.Id, c.Phone, c.Name, c.TimeZones, c.Status, c.Attempts,
            c.NextAttemptAt, c.LastOutcome, c.Disposition,
            c.CustomFields is null ? null : System.Text.Json.JsonDocument.Parse(c.CustomFields).RootElement)).ToList();
        var nextAfter = rows.Count == pageSize ? rows[^1].Id : (long?)null;
        return TypedResults.Ok(new Page<ContactResponse>(items, page, pageSize, total, nextAfter));
    }

    /// <summary>Streams the campaign's contacts as CSV, row by row, with formula-looking cells neutralised.</summary>
    static async Task Export(Guid id, DialerDb db, HttpResponse response, CancellationToken ct)
    {
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"contacts-{id}.csv\"";
        await using var writer = new StreamWriter(response.Body, new System.Text.UTF8Encoding(false), 64 * 1024);
        await writer.WriteLineAsync("id,phone,name,time_zones,status,attempts,last_outcome,disposition,custom_fields");
        await using var streaming = db.Streaming();
        await foreach (var c in streaming.Contacts.AsNoTracking().Where(c => c.CampaignId == id).OrderBy(c => c.Id)
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            string[] cells = [c.Id.ToString(), c.Phone, c.Name ?? "", string.Join(' ', c.TimeZones),
                c.Status.ToString(), c.Attempts.ToString(), c.LastOutcome ?? "", c.Disposition ?? "", c.CustomFields
                ?? ""];
            await writer.WriteLineAsync(string.Join(',', cells.Select(SpreadsheetSafe.Field)));
        }
    }
}
