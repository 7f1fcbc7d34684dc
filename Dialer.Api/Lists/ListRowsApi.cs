using Dialer.Api.Auth;
using Dialer.Api.Campaigns;
using Dialer.Api.Contacts;
using Dialer.Api.Hosting;
using Dialer.Api.Teams;
using Dialer.Core.Campaigns;
using Dialer.Core.Changes;
using Dialer.Core.Contacts;
using Dialer.Core.Contacts.Filters;
using Dialer.Core.Data;
using Dialer.Core.Lists;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dialer.Api.Lists;

/// <summary>
/// One row of a team's list: searched, read, added, edited and deleted once the list is uploaded. A row is the list's
/// own: a campaign the list is attached to has its copy (its contact), edited there
/// (<see cref="ContactEditApi"/>); a row changed here reaches the campaigns it is attached to next.
/// Do-not-call is judged when the list is attached, as for an upload.
/// </summary>
public static class ListRowsApi
{
    /// <param name="lists">the /api/lists group</param>
    public static RouteGroupBuilder MapListRowsApi(this RouteGroupBuilder lists)
    {
        var rows = lists.MapGroup("/{id:guid}/rows").RequireTeamScope(TeamObject.List);
        rows.MapGet("/", Search).RequireAuthorization(Policies.Reader)
            .WithDescription("q: part of a name, or digits of a number; paged by ?after=<last id>.");
        rows.MapGet("/{rowId:long}", Get).RequireAuthorization(Policies.Reader).WithName("GetListRow");
        rows.MapPost("/", Add).RequireAuthorization(Policies.Marketer);
        rows.MapPatch("/{rowId:long}", Edit).RequireAuthorization(Policies.Marketer);
        rows.MapDelete("/{rowId:long}", Delete).RequireAuthorization(Policies.Marketer);
        return lists;
    }

    public sealed record RowResponse(long Id, string Phone, string? Name, string[] TimeZones,
        string? StatedJurisdiction, System.Text.Json.JsonElement? CustomFields)
    {
        public static RowResponse From(ContactListRow r) => new(r.Id, r.Phone, r.Name, r.TimeZones,
            r.StatedJurisdiction,
            r.CustomFields is null ? null : System.Text.Json.JsonDocument.Parse(r.CustomFields).RootElement);
    }

    static async Task<Results<Ok<Page<RowResponse>>, ValidationProblem>> Search(Guid id, DialerDb db,
        CancellationToken ct, string? q = null, int pageSize = 100, long? after = null)
    {
        if (q is { Length: > ContactFilter.MaxTextLength })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            { ["q"] = [$"At most {ContactFilter.MaxTextLength} characters."] });
        (_, pageSize) = Paging.Clamp(1, pageSize);
        var query = db.ContactListRows.AsNoTracking().Where(r => r.ListId == id);
        if (q?.Trim() is { Length: > 0 } text)
        {
            if (ContactFilter.DigitsOf(text) is { } digits) query = query.Where(r => r.Phone.Contains(digits));
            else
            {
                var pattern = ContactFilter.LikePattern(text);
                query = query.Where(r => r.Name != null && EF.Functions.ILike(r.Name, pattern, "\\"));
            }
        }
        var total = await query.CountAsync(ct);
        if (after is { } last) query = query.Where(r => r.Id > last);
        var rows = await query.OrderBy(r => r.Id).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new Page<RowResponse>([.. rows.Select(RowResponse.From)], 1, pageSize, total,
            rows.Count == pageSize ? rows[^1].Id : null));
    }

    static async Task<Results<Ok<RowResponse>, NotFound>> Get(Guid id, long rowId, DialerDb db,
        CancellationToken ct) =>
        await db.ContactListRows.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rowId && r.ListId == id, ct)
            is { } row ? TypedResults.Ok(RowResponse.From(row)) : TypedResults.NotFound();

    static async Task<Results<CreatedAtRoute<RowResponse>, NotFound, ValidationProblem, Conflict<ProblemDetails>>>
        Add(Guid id, ContactInput input, DialerDb db, StateChanges changes, IOptions<ImportOptions> options,
            CancellationToken ct)
    {
        var list = await db.ContactLists.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (list is null) return TypedResults.NotFound();
        var given = input.Check(list.DefaultRegion, phoneRequired: true);
        if (given.Errors.Count > 0) return TypedResults.ValidationProblem(given.Errors);
        if (list.UploadedAt is null) return Problems.Conflict(NotUploaded);
        return await changes.RunAsync<Results<CreatedAtRoute<RowResponse>, NotFound, ValidationProblem,
            Conflict<ProblemDetails>>>(async (unit, token) =>
        {
            if (await TakenAsync(db, id, given.Phone!, token) is { } taken) return Refused(unit, taken);
            if (await db.ContactListRows.CountAsync(r => r.ListId == id, token) >= options.Value.MaxRowsPerUpload)
                return Refused(unit, new Refusal("The list holds as many rows as one upload may "
                    + "(Import:MaxRowsPerUpload)."));
            var row = new ContactListRow { ListId = id, Phone = given.Phone!, TimeZones = given.NumberZones ?? [] };
            Apply(row, given, given.Phone!);
            db.ContactListRows.Add(row);
            await db.SaveChangesAsync(token); // its id
            await CountRowsAsync(db, id, token);
            return TypedResults.CreatedAtRoute(RowResponse.From(row), "GetListRow", new { id, rowId = row.Id });
        }, ct);
    }

    static async Task<Results<Ok<RowResponse>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Edit(Guid id,
        long rowId, ContactInput input, DialerDb db, StateChanges changes, CancellationToken ct)
    {
        var list = await db.ContactLists.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (list is null) return TypedResults.NotFound();
        var given = input.Check(list.DefaultRegion, phoneRequired: false);
        if (given.Errors.Count > 0) return TypedResults.ValidationProblem(given.Errors);
        return await changes.RunAsync<Results<Ok<RowResponse>, NotFound, ValidationProblem,
            Conflict<ProblemDetails>>>(async (unit, token) =>
        {
            var row = await db.ContactListRows.FromSql(
                $"SELECT * FROM contact_list_rows WHERE id = {rowId} AND list_id = {id} FOR UPDATE")
                .FirstOrDefaultAsync(token);
            if (row is null)
            {
                unit.Discard();
                return TypedResults.NotFound();
            }
            var phone = given.Phone ?? row.Phone;
            if (phone != row.Phone && await TakenAsync(db, id, phone, token) is { } taken) return Refused(unit, taken);
            Apply(row, given, phone);
            return TypedResults.Ok(RowResponse.From(row));
        }, ct);
    }

    static async Task<Results<NoContent, NotFound>> Delete(Guid id, long rowId, DialerDb db, StateChanges changes,
        CancellationToken ct) =>
        await changes.RunAsync<Results<NoContent, NotFound>>(async (unit, token) =>
        {
            var removed = await db.ContactListRows.Where(r => r.Id == rowId && r.ListId == id)
                .ExecuteDeleteAsync(token);
            if (removed == 0)
            {
                unit.Discard();
                return TypedResults.NotFound();
            }
            await CountRowsAsync(db, id, token);
            return TypedResults.NoContent();
        }, ct);

    static void Apply(ContactListRow row, ContactInput.Checked given, string phone)
    {
        var (name, zones, jurisdiction, fields) = (row.Name, row.TimeZones, row.StatedJurisdiction, row.CustomFields);
        given.ApplyFields(phone, row.TimeZones, row.Phone, ref name, ref zones, ref jurisdiction, ref fields);
        if (phone != row.Phone) row.Numbers = ContactNumberEdits.Replace(row.Numbers, row.Phone, phone, zones);
        (row.Phone, row.Name, row.TimeZones, row.StatedJurisdiction, row.CustomFields) =
            (phone, name, zones, jurisdiction, fields);
    }

    static async Task<Refusal?> TakenAsync(DialerDb db, Guid listId, string phone, CancellationToken ct) =>
        await db.ContactListRows.Where(r => r.ListId == listId && r.Phone == phone).Select(r => (long?)r.Id)
            .FirstOrDefaultAsync(ct) is { } other ? new Refusal($"The list has this number already (row {other}).")
            : null;

    static Task CountRowsAsync(DialerDb db, Guid listId, CancellationToken ct) =>
        db.ContactLists.Where(l => l.Id == listId).ExecuteUpdateAsync(s => s.SetProperty(l => l.RowCount,
            l => db.ContactListRows.Count(r => r.ListId == listId)), ct);

    static readonly Refusal NotUploaded = new("The list has no finished upload yet: upload its CSV first.");

    static Conflict<ProblemDetails> Refused(StateChange unit, Refusal refusal)
    {
        unit.Discard();
        return Problems.Conflict(refusal);
    }
}
