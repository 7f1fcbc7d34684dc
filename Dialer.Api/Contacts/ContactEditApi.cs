using Dialer.Api.Auth;
using Dialer.Api.Hosting;
using Dialer.Core.Campaigns;
using Dialer.Core.Changes;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Core.Figures;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dialer.Api.Contacts;

/// <summary>
/// One contact of a campaign: read, added, edited and deleted by a marketer, through the unit of work (the contact
/// locked, the change and its history line saved together). A contact in a call, or held by an agent's preview, is a
/// 409. A contact's calls and consents belong to its number: changing the number of a contact that has any, or
/// deleting it, retires it (done, kept with its history) rather than rewriting or losing that history.
/// </summary>
public static class ContactEditApi
{
    public const string NumberChanged = "number-changed", Removed = "removed";

    /// <param name="contacts">the /api/campaigns/{id}/contacts group</param>
    public static RouteGroupBuilder MapContactEditApi(this RouteGroupBuilder contacts)
    {
        contacts.MapGet("/{contactId:long}", Get).RequireAuthorization(Policies.Reader).WithName("GetContact");
        contacts.MapPost("/new", Add).RequireAuthorization(Policies.Marketer)
            .WithDescription("One contact typed in: the number read as an upload's (do-not-call numbers suppressed).");
        contacts.MapPatch("/{contactId:long}", Edit).RequireAuthorization(Policies.Marketer)
            .WithDescription("Fields left out stay. A new number of a contact with calls or consents retires it and "
                + "adds the number as a new contact (the answer's id), since that history is the old number's. "
                + "'numbers' replaces the contact's numbers (kind and number), its phone among them.");
        contacts.MapDelete("/{contactId:long}", Delete).RequireAuthorization(Policies.Marketer)
            .WithDescription("Deletes a contact never called; one with calls or consents is retired (done, kept).");
        return contacts;
    }

    public sealed record EditResponse(ContactResponse Contact, long? ReplacedContactId = null);

    public sealed record DeleteResponse(long ContactId, bool Deleted, bool Retired);

    static async Task<Results<Ok<ContactResponse>, NotFound>> Get(Guid id, long contactId, DialerDb db,
        CancellationToken ct) =>
        await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contactId && c.CampaignId == id, ct)
            is { } contact ? TypedResults.Ok(ContactResponse.From(contact)) : TypedResults.NotFound();

    static async Task<Results<CreatedAtRoute<ContactResponse>, NotFound, ValidationProblem,
        Conflict<ProblemDetails>>> Add(Guid id, ContactInput input, DialerDb db, StateChanges changes,
        CampaignHistory history, IOptions<ImportOptions> options, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return TypedResults.NotFound();
        var input2 = input.Check(campaign.Settings.DefaultRegion, phoneRequired: true);
        if (input2.Errors.Count > 0) return TypedResults.ValidationProblem(input2.Errors);
        return await changes.RunAsync<Results<CreatedAtRoute<ContactResponse>, NotFound, ValidationProblem,
            Conflict<ProblemDetails>>>(async (unit, token) =>
        {
            if (await ContactEdits.TakenAsync(db, id, input2.Phone!, token) is { } taken)
                return Refused(unit, taken);
            if (await db.Contacts.CountAsync(c => c.CampaignId == id, token) >= options.Value.MaxContactsPerCampaign)
                return Refused(unit, new Refusal("The campaign holds as many contacts as it may "
                    + "(Import:MaxContactsPerCampaign)."));
            var contact = await ContactEdits.NewAsync(db, campaign, input2, null, unit.Now, token);
            await db.SaveChangesAsync(token); // its id, for the history line
            history.Contacts(id, CampaignHistory.ContactAdded, $"contact {contact.Id} added ({Mask(contact.Phone)}"
                + $"{(contact.Status == ContactStatus.Suppressed ? ", on do-not-call: suppressed" : "")})");
            return TypedResults.CreatedAtRoute(ContactResponse.From(contact), "GetContact",
                new { id, contactId = contact.Id });
        }, ct);
    }

    static async Task<Results<Ok<EditResponse>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Edit(
        Guid id, long contactId, ContactInput input, DialerDb db, StateChanges changes, CampaignHistory history,
        CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return TypedResults.NotFound();
        var input2 = input.Check(campaign.Settings.DefaultRegion, phoneRequired: false);
        if (input2.Errors.Count > 0) return TypedResults.ValidationProblem(input2.Errors);
        return await changes.RunAsync<Results<Ok<EditResponse>, NotFound, ValidationProblem,
            Conflict<ProblemDetails>>>(async (unit, token) =>
        {
            var contact = await unit.LockContactAsync(contactId, token);
            if (contact is null || contact.CampaignId != id)
            {
                unit.Discard();
                return TypedResults.NotFound();
            }
            if (await ContactEdits.BusyAsync(db, contact, unit.Now, token) is { } busy) return Refused(unit, busy);
            var phone = input2.Phone ?? contact.Phone;
            if (ContactEdits.MissesPhone(input2, phone))
            {
                unit.Discard();
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["numbers"] = ["The numbers must include the contact's number (phone), the one it is dialed on."],
                });
            }
            if (phone != contact.Phone)
            {
                if (await ContactEdits.TakenAsync(db, id, phone, token) is { } taken) return Refused(unit, taken);
                if (await ContactEdits.HasHistoryAsync(db, contact.Id, token))
                {
                    var replacement = await ContactEdits.NewAsync(db, campaign, input2, contact, unit.Now, token);
                    ContactEdits.Retire(contact, NumberChanged);
                    await db.SaveChangesAsync(token);
                    history.Contacts(id, CampaignHistory.ContactEdited, $"contact {contact.Id}: number "
                        + $"{Mask(contact.Phone)} → {Mask(phone)}; its calls stay with the old number, retired; "
                        + $"contact {replacement.Id} added for the new one");
                    return TypedResults.Ok(new EditResponse(ContactResponse.From(replacement), contact.Id));
                }
            }
            var changed = await ContactEdits.ApplyAsync(db, campaign, contact, input2, phone, unit.Now, token);
            if (changed.Count == 0) unit.Discard();
            else history.Contacts(id, CampaignHistory.ContactEdited,
                $"contact {contact.Id}: {string.Join(", ", changed)}");
            return TypedResults.Ok(new EditResponse(ContactResponse.From(contact)));
        }, ct);
    }

    static async Task<Results<Ok<DeleteResponse>, NotFound, Conflict<ProblemDetails>>> Delete(Guid id,
        long contactId, DialerDb db, StateChanges changes, CampaignHistory history, CancellationToken ct) =>
        await changes.RunAsync<Results<Ok<DeleteResponse>, NotFound, Conflict<ProblemDetails>>>(
            async (unit, token) =>
        {
            var contact = await unit.LockContactAsync(contactId, token);
            if (contact is null || contact.CampaignId != id)
            {
                unit.Discard();
                return TypedResults.NotFound();
            }
            if (await ContactEdits.BusyAsync(db, contact, unit.Now, token) is { } busy) return Refused(unit, busy);
            var keep = await ContactEdits.HasHistoryAsync(db, contact.Id, token);
            if (keep) ContactEdits.Retire(contact, Removed);
            else db.Contacts.Remove(contact);
            history.Contacts(id, CampaignHistory.ContactDeleted, keep
                ? $"contact {contact.Id} ({Mask(contact.Phone)}) retired: it has calls or consents, kept with them"
                : $"contact {contact.Id} ({Mask(contact.Phone)}) deleted");
            return TypedResults.Ok(new DeleteResponse(contact.Id, !keep, keep));
        }, ct);

    static Conflict<ProblemDetails> Refused(StateChange unit, Refusal refusal)
    {
        unit.Discard();
        return Problems.Conflict(refusal);
    }

    static string Mask(string phone) => PhoneRedaction.Mask(phone);
}
