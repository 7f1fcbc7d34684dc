using Dialer.Api.Auth;
using Dialer.Api.Campaigns;
using Dialer.Api.Hosting;
using Dialer.Core.Changes;
using Dialer.Core.Contacts;
using Dialer.Core.Contacts.Filters;
using Dialer.Core.Csv;
using Dialer.Core.Data;
using Dialer.Core.Lists;
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
        contacts.MapGet("/", List).RequireAuthorization(Policies.Reader)
            .WithDescription("Search and filter (status, lastOutcome, disposition, attempts, q: a name or digits of a "
                + "number, column and value), paged by ?page= or by key with ?after=.");
        contacts.MapGet("/export", Export).RequireAuthorization(Policies.Reader);
        contacts.MapContactEditApi();
        return campaign;
    }

    static async Task<Results<Ok<ImportReport>, NotFound, ProblemHttpResult>> Import(
        Guid id, HttpRequest request, DialerDb db, ContactImporter importer, IOptions<ImportOptions> options,
        StateChanges changes, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return TypedResults.NotFound();

        var (body, error) = await CsvUpload.OpenAsync(request, options.Value.MaxUploadBytes, ct);
        if (body is null) return Problems.BadRequest(error!);
        try
        {
            var report = await importer.ImportAsync(id, campaign.Settings.DefaultRegion, body, ct,
                campaign.Settings.NumberOrder);
            if (campaign.Settings.DialFilter.Length > 0) // the new contacts outside it wait as filtered
                await changes.RunAsync((unit, token) =>
                    DialFilterParking.ApplyAsync(unit.Db, id, campaign.Settings.DialFilter, token), ct);
            if (campaign.Settings.LeadOrder.PlacesOwnUploads) // the new contacts take their place
                await changes.RunAsync((unit, token) =>
                    FreshOrder.RewriteAsync(unit.Db, id, campaign.Settings.LeadOrder, unit.Now, token), ct);
            return TypedResults.Ok(report);
        }
        catch (ContactImporter.NotCsvException e) { return Problems.BadRequest(e.Message); }
        catch (ContactImporter.LimitException e) { return Problems.TooLarge(e.Message, e.Line, e.Report); }
        catch (UploadTooLargeException e)
        {
            return Problems.BadRequest(e.Message + " Rows read before the limit were imported.");
        }
    }

    static async Task<Results<Ok<Page<ContactResponse>>, NotFound, ValidationProblem>> List(
        Guid id, DialerDb db, [AsParameters] ContactQuery search, CancellationToken ct, int page = 1,
        int pageSize = 100, long? after = null)
    {
        if (Paging.TooFar(page) is { } tooFar) return TypedResults.ValidationProblem(tooFar);
        var (filter, errors) = search.Read();
        if (filter is null) return TypedResults.ValidationProblem(errors);
        if (!await db.Campaigns.AnyAsync(c => c.Id == id, ct)) return TypedResults.NotFound();
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var query = filter.Apply(db.Contacts.AsNoTracking().Where(c => c.CampaignId == id));
        var total = await query.CountAsync(ct);
        // ?after= pages by key: as fast on the millionth row as on the first
        var rows = after is { } last
            ? await query.Where(c => c.Id > last).OrderBy(c => c.Id).Take(pageSize).ToListAsync(ct)
            : await query.OrderBy(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var nextAfter = rows.Count == pageSize ? rows[^1].Id : (long?)null;
        return TypedResults.Ok(new Page<ContactResponse>([.. rows.Select(ContactResponse.From)], page, pageSize,
            total, nextAfter));
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
