using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Contacts.Filters;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Core.Figures;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Contacts;

/// <summary>What editing one contact of a campaign checks and does, inside the caller's unit of work.</summary>
static class ContactEdits
{
    /// <summary>Why the contact may not change now: a call of it in flight, or an agent previewing it.</summary>
    public static async Task<Refusal?> BusyAsync(DialerDb db, Contact contact, DateTimeOffset now,
        CancellationToken ct)
    {
        if (contact.AnonymisedAt is not null)
            return new Refusal("The contact's personal data was erased: it cannot be edited.");
        if (contact.Status == ContactStatus.Dialing
            || await db.CallAttempts.AnyAsync(a => a.ContactId == contact.Id && a.State < AttemptState.Completed, ct))
            return new Refusal("The contact is being dialed right now (a call attempt is in flight): try again "
                + "when the call has ended.");
        if (contact.HeldByAgentId is not null && contact.HeldUntil > now)
            return new Refusal("An agent is previewing this contact right now: try again when they have dialed or "
                + "skipped it.");
        return null;
    }

    public static async Task<Refusal?> TakenAsync(DialerDb db, Guid campaignId, string phone, CancellationToken ct) =>
        await db.Contacts.Where(c => c.CampaignId == campaignId && c.Phone == phone).Select(c => (long?)c.Id)
            .FirstOrDefaultAsync(ct) is { } other
            ? new Refusal($"The campaign has this number already (contact {other}).")
            : null;

    /// <summary>Calls or consents: what belongs to the contact's number and must stay with it.</summary>
    public static async Task<bool> HasHistoryAsync(DialerDb db, long contactId, CancellationToken ct) =>
        await db.CallAttempts.AnyAsync(a => a.ContactId == contactId, ct)
        || await db.Consents.AnyAsync(c => c.ContactId == contactId, ct);

    /// <summary>Never dialed again, kept with its calls: done, with why.</summary>
    public static void Retire(Contact contact, string why)
    {
        contact.Status = ContactStatus.Done;
        contact.LastOutcome = why;
        contact.CallbackAt = null;
    }

    /// <summary>A new contact of the campaign, fresh; from <paramref name="from"/> (its fields unless the input
    /// changes them) when it takes that contact's place.</summary>
    public static async Task<Contact> NewAsync(DialerDb db, Campaign campaign, ContactInput.Checked input,
        Contact? from, DateTimeOffset now, CancellationToken ct)
    {
        var contact = new Contact
        {
            CampaignId = campaign.Id, ListId = from?.ListId, Phone = input.Phone!, Name = from?.Name,
            TimeZones = from?.TimeZones ?? [], StatedJurisdiction = from?.StatedJurisdiction,
            CustomFields = from?.CustomFields, Status = ContactStatus.Pending, NextAttemptAt = now, CreatedAt = now,
            Priority = DialPriority.Fresh, PhoneKind = from?.PhoneKind,
            Numbers = from?.Numbers?.Select(n => n with { Status = NumberStatus.Pending, Attempts = 0 }).ToList(),
        };
        if (from is null) contact.TimeZones = input.NumberZones ?? [];
        await ApplyAsync(db, campaign, contact, input, input.Phone!, now, ct, from?.Phone ?? input.Phone!);
        db.Contacts.Add(contact);
        return contact;
    }

    /// <summary>The numbers given (the one dialed among them: <see cref="MissesPhone"/>), or the list's entry of a
    /// number changed; a number kept keeps its status.</summary>
    static void ApplyNumbers(Contact contact, ContactInput.Checked input, string oldPhone, List<string> changed)
    {
        var before = contact.Numbers;
        if (input.Numbers is { } given)
        {
            var stated = ContactInputExtensions.StatedOf(contact.TimeZones, contact.Phone);
            contact.Numbers = ContactNumberEdits.Merge(contact.Numbers, given, stated);
            var kind = given.First(n => n.Phone == contact.Phone).Kind;
            contact.PhoneKind = contact.Numbers is null && kind == NumberKinds.Phone ? null : kind;
        }
        else if (contact.Phone != oldPhone)
            contact.Numbers = ContactNumberEdits.Replace(contact.Numbers, oldPhone, contact.Phone, contact.TimeZones);
        if (Describe(before) != Describe(contact.Numbers))
            changed.Add($"numbers {Describe(before)} → {Describe(contact.Numbers)}");
    }

    /// <summary>Masked, as the history shows them.</summary>
    static string Describe(List<ContactNumber>? numbers) => numbers is null ? "(one)"
        : string.Join(" ", numbers.Select(n => $"{n.Kind}:{PhoneRedaction.Mask(n.Phone)}:{n.Status}"));

    /// <summary>Numbers were given, but not the one the contact is dialed on.</summary>
    public static bool MissesPhone(ContactInput.Checked input, string phone) =>
        input.Numbers is { } given && !given.Exists(n => n.Phone == phone);

    /// <summary>The input onto the contact; a new number (of a contact with no history) starts it afresh.</summary>
    /// <returns>the names of the fields changed</returns>
    public static async Task<List<string>> ApplyAsync(DialerDb db, Campaign campaign, Contact contact,
        ContactInput.Checked input, string phone, DateTimeOffset now, CancellationToken ct, string? oldPhone = null)
    {
        oldPhone ??= contact.Phone;
        var (name, zones, jurisdiction, fields) =
            (contact.Name, contact.TimeZones, contact.StatedJurisdiction, contact.CustomFields);
        var changed = input.ApplyFields(phone, contact.TimeZones, oldPhone, ref name, ref zones, ref jurisdiction,
            ref fields);
        (contact.Name, contact.TimeZones, contact.StatedJurisdiction, contact.CustomFields) =
            (name, zones, jurisdiction, fields);
        if (phone != contact.Phone || contact.Id == 0)
        {
            if (contact.Id != 0) changed.Insert(0, "phone");
            contact.Phone = phone;
            var listed = await db.DoNotCall.AnyAsync(DoNotCallMatch.Binds(phone, campaign.Id), ct);
            // the number's history is the old number's (none: the caller retires a contact that has any)
            contact.Status = listed ? ContactStatus.Suppressed : ContactStatus.Pending;
            contact.LastOutcome = null;
            contact.Disposition = null;
            contact.CallbackAt = null;
            contact.Attempts = 0;
            contact.LastAttemptAt = null;
            contact.Priority = DialPriority.Fresh;
            contact.NextAttemptAt = contact.NextAttemptAt is { } due && due <= now ? due : now;
        }
        ApplyNumbers(contact, input, oldPhone, changed);
        var listActive = contact.ListId is not { } list || await db.CampaignLists.AnyAsync(a =>
            a.CampaignId == campaign.Id && a.ListId == list && a.Active, ct);
        var before = contact.Status;
        DialFilterParking.Place(contact, campaign.Settings.DialFilter, listActive);
        if (contact.Status != before && contact.Id != 0 && !changed.Contains("phone"))
            changed.Add($"status {before} → {contact.Status}");
        return changed;
    }
}
