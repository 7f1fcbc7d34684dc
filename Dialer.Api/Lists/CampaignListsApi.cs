using Dialer.Api.Auth;
using Dialer.Api.Contacts;
using Dialer.Api.Hosting;
using Dialer.Api.Teams;
using Dialer.Core.Campaigns;
using Dialer.Core.Changes;
using Dialer.Core.Data;
using Dialer.Core.Lists;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dialer.Api.Lists;

/// <summary>A campaign's lists: attach one of the team's lists, change its priority or pause it, detach it.</summary>
public static class CampaignListsApi
{
    /// <param name="campaign">the /api/campaigns/{id} group</param>
    public static RouteGroupBuilder MapCampaignListsApi(this RouteGroupBuilder campaign)
    {
        var lists = campaign.MapGroup("/lists");
        lists.MapGet("/", List).RequireAuthorization(Policies.Reader);
        lists.MapPost("/{listId:guid}", Attach).RequireAuthorization(Policies.Marketer)
            .RequireTeamScope(TeamObject.List, "listId")
            .WithDescription("Copies the list's rows into the campaign's contacts (numbers it has already are left as "
                + "they are; do-not-call numbers are suppressed). Priority 0 is dialed first; lists of one priority "
                + "interleave by weight (1 to 100).");
        lists.MapPatch("/{listId:guid}", Change).RequireAuthorization(Policies.Marketer)
            .RequireTeamScope(TeamObject.List, "listId")
            .WithDescription("active: false parks the list's waiting contacts (never claimed); true makes them due. "
                + "priority and weight move its fresh contacts in the dialing order.");
        lists.MapDelete("/{listId:guid}", Detach).RequireAuthorization(Policies.Marketer)
            .RequireTeamScope(TeamObject.List, "listId")
            .WithDescription("Removes the list's contacts never dialed; those dialed stay, with their calls, parked.");
        lists.MapListRecyclingApi();
        return campaign;
    }

    public sealed record AttachRequest(bool? Active, int? Priority, int? Weight);

    public sealed record AttachResponse(Guid ListId, string Name, bool Active, int Priority, int Weight,
        DateTimeOffset AttachedAt, int? Added = null, int? Suppressed = null, int? AlreadyInCampaign = null);

    static async Task<Ok<List<AttachResponse>>> List(Guid id, DialerDb db, CancellationToken ct) =>
        TypedResults.Ok(await (from a in db.CampaignLists.AsNoTracking()
                               join l in db.ContactLists on a.ListId equals l.Id
                               where a.CampaignId == id
                               orderby a.Priority, a.AttachedAt
                               select new AttachResponse(l.Id, l.Name, a.Active, a.Priority, a.Weight, a.AttachedAt))
            .ToListAsync(ct));

    static async Task<Results<Created<AttachResponse>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Attach(
        Guid id, Guid listId, AttachRequest? request, DialerDb db, StateChanges changes, CampaignHistory history,
        HttpContext http, IOptions<ImportOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (Invalid(request?.Priority, request?.Weight) is { } invalid) return invalid;
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        var list = await db.ContactLists.AsNoTracking().FirstOrDefaultAsync(l => l.Id == listId, ct);
        if (campaign is null || list is null) return TypedResults.NotFound();
        if (list.TeamId != campaign.TeamId)
            return Problems.Conflict(new Refusal("The list belongs to another team than the campaign."));
        if (list.UploadedAt is null)
            return Problems.Conflict(new Refusal("The list has no finished upload yet: upload its CSV first."));
        var room = options.Value.MaxContactsPerCampaign - await db.Contacts.CountAsync(c => c.CampaignId == id, ct);
        if (list.RowCount > room)
            return Problems.Conflict(new Refusal($"The campaign has room for {room} more contacts "
                + $"(Import:MaxContactsPerCampaign) and the list holds {list.RowCount}."));

        var now = clock.GetUtcNow();
        var attachment = new CampaignList
        {
            CampaignId = id, ListId = listId, Active = request?.Active ?? true, Priority = request?.Priority ?? 0,
            Weight = request?.Weight ?? 1, AttachedAt = now, AttachedBy = http.User.Identity?.Name ?? "",
        };
        var result = await ListAttacher.AttachAsync(db, changes, history, campaign, list, attachment, ct);
        if (result is null) return Problems.Conflict(new Refusal("The list is attached to this campaign already."));
        return TypedResults.Created($"/api/campaigns/{id}/lists", result);
    }

    static async Task<Results<Ok<AttachResponse>, NotFound, ValidationProblem>> Change(Guid id, Guid listId,
        AttachRequest request, DialerDb db, StateChanges changes, CampaignHistory history, CancellationToken ct)
    {
        if (Invalid(request.Priority, request.Weight) is { } invalid) return invalid;
        var result = await changes.RunAsync(async (unit, token) =>
        {
            if (await ListAttachment.LockAsync(db, id, listId, token) is not { } attachment) return null;
            var name = await db.ContactLists.Where(l => l.Id == listId).Select(l => l.Name).SingleAsync(token);
            var notes = new List<string>();
            if (request.Active is { } active && active != attachment.Active)
            {
                attachment.Active = active;
                var moved = await ListAttachment.SetActiveAsync(db, attachment, token);
                if (active) await ListRecyclingApi.ParkOutsideFilterAsync(db, id, token);
                notes.Add($"{(active ? "activated" : "deactivated")}: {moved} contacts {(active ? "due" : "parked")}");
            }
            if (request.Priority is { } priority && priority != attachment.Priority)
            {
                notes.Add($"priority {attachment.Priority} → {priority}");
                attachment.Priority = priority;
            }
            if (request.Weight is { } weight && weight != attachment.Weight)
            {
                notes.Add($"weight {attachment.Weight} → {weight}");
                attachment.Weight = weight;
            }
            if (request.Priority != null || request.Weight != null)
            {
                await db.SaveChangesAsync(token); // the rewrite reads the attachments' priorities and weights
                var settings = await db.Campaigns.Where(c => c.Id == id).Select(c => c.Settings).SingleAsync(token);
                await FreshOrder.RewriteAsync(db, id, settings.LeadOrder, unit.Now, token);
            }
            if (notes.Count > 0) history.Contacts(id, CampaignHistory.ListChanged, $"list '{name}' "
                + string.Join(", ", notes));
            return new AttachResponse(listId, name, attachment.Active, attachment.Priority, attachment.Weight,
                attachment.AttachedAt);
        }, ct);
        return result is null ? TypedResults.NotFound() : TypedResults.Ok(result);
    }

    public sealed record DetachResponse(int Removed, int Kept);

    static async Task<Results<Ok<DetachResponse>, NotFound>> Detach(Guid id, Guid listId, DialerDb db,
        StateChanges changes, CampaignHistory history, CancellationToken ct)
    {
        var result = await changes.RunAsync(async (unit, token) =>
        {
            if (await ListAttachment.LockAsync(db, id, listId, token) is not { } attachment) return null;
            var name = await db.ContactLists.Where(l => l.Id == listId).Select(l => l.Name).SingleAsync(token);
            var (removed, kept) = await ListAttachment.RemoveAsync(db, attachment, token);
            db.CampaignLists.Remove(attachment);
            history.Contacts(id, CampaignHistory.ListDetached,
                $"list '{name}' detached: {removed} contacts never dialed removed, {kept} kept");
            return new DetachResponse(removed, kept);
        }, ct);
        return result is null ? TypedResults.NotFound() : TypedResults.Ok(result);
    }

    static ValidationProblem? Invalid(int? priority, int? weight)
    {
        var errors = new Dictionary<string, string[]>();
        if (priority is not (null or (>= 0 and <= CampaignList.MaxPriority)))
            errors["priority"] = [$"Between 0 (dialed first) and {CampaignList.MaxPriority}."];
        if (weight is not (null or (>= CampaignList.MinWeight and <= CampaignList.MaxWeight)))
            errors["weight"] = [$"Between {CampaignList.MinWeight} and {CampaignList.MaxWeight}: the list's share "
                + "among the lists of its priority."];
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : null;
    }
}
