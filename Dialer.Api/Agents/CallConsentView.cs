using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Agents;

/// <summary>
/// The consent behind the call, as the agent's card shows it: the kind this call is made under, the rule that needs
/// it (null: none required), whether the contact holds it now (<see cref="ConsentsHeld"/>, the permit's own reading)
/// and the records that make it held; or when it was withdrawn.
/// </summary>
/// <param name="Kind">the call's kind: prerecorded for an agentless campaign, else marketing-calls</param>
/// <param name="RequiredBy">"ES prior consent for every call", "campaign requiresConsent"; null: none required</param>
/// <param name="WithdrawnAt">the latest withdrawal of the kind on this contact, when it is not held</param>
public sealed record CallConsentView(string Kind, string? RequiredBy, bool Held, CallConsentView.Record[] Records,
    DateTimeOffset? WithdrawnAt)
{
    public sealed record Record(long Id, string Kind, string Source, DateTimeOffset GivenAt,
        DateTimeOffset? ValidUntil, string? Text, string? Reference);

    public static async Task<CallConsentView> OfAsync(DialerDb db, CampaignSettings settings, Contact contact,
        DateTimeOffset now, CancellationToken ct)
    {
        var kind = ConsentRequirement.KindFor(settings);
        var name = ConsentKind.Name(kind);
        var requiredBy = ConsentRequirement.For(settings, DialPermit.RulesFor(settings, contact))?.Rule;
        var held = (await ConsentsHeld.ForAsync(db, contact.Id, now, ct) & kind) != 0;
        var records = await db.Consents.AsNoTracking().Where(c => c.ContactId == contact.Id && c.Kind == name)
            .OrderByDescending(c => c.GivenAt).ToListAsync(ct);
        var valid = held
            ? records.Where(c => c.GivenAt <= now && c.WithdrawnAt == null
                    && (c.ValidUntil == null || c.ValidUntil > now))
                .Select(c => new Record(c.Id, c.Kind, c.Source, c.GivenAt, c.ValidUntil, c.Text, c.Reference))
                .ToArray()
            : [];
        var withdrawn = held ? null : records.Max(c => c.WithdrawnAt);
        return new CallConsentView(name, requiredBy, held, valid, withdrawn);
    }
}
