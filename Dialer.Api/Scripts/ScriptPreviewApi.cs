using System.Security.Claims;
using Dialer.Api.Auth;
using Dialer.Core.Campaigns;
using Dialer.Core.Campaigns.Scripts;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Scripts;

/// <summary>
/// The builder's preview of a script being edited (not yet saved): merged with the campaign's first contact, or a
/// sample one before the list is uploaded, and the signed-in user as the agent. Every merge field comes back as its own
/// part, so the page can mark the ones nobody knows (they would be empty for the agent).
/// </summary>
public static class ScriptPreviewApi
{
    public sealed record ScriptPreviewRequest(string? Script, ScriptSection[]? ScriptSections,
        ScreenPopSettings? ScreenPop);
    public sealed record PreviewSection(string Title, IReadOnlyList<ScriptMerge.Segment> Parts);
    /// <param name="Sample">whose values fill the fields: "first contact" or "sample contact"</param>
    public sealed record ScriptPreview(PreviewSection[] Sections, string? ScreenPopUrl, string[] UnknownFields,
        string[] KnownFields, string Sample);

    /// <param name="campaigns">the /api/campaigns group</param>
    /// <param name="campaign">the /api/campaigns/{id} group</param>
    public static void MapScriptPreviewApi(this RouteGroupBuilder campaigns, RouteGroupBuilder campaign)
    {
        campaigns.MapPost("/script-preview", (ScriptPreviewRequest request, ClaimsPrincipal user) =>
                Preview(request, user, null, null)).RequireAuthorization(Policies.Reader)
            .WithDescription("A script merged with a sample contact, for a campaign not yet saved.");
        campaign.MapPost("/script-preview", ForCampaign).RequireAuthorization(Policies.Reader)
            .WithDescription("A script merged with the campaign's first contact.");
    }

    static async Task<Results<Ok<ScriptPreview>, ValidationProblem>> ForCampaign(Guid id,
        ScriptPreviewRequest request, ClaimsPrincipal user, DialerDb db, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name)
            .FirstOrDefaultAsync(ct);
        var contact = await db.Contacts.AsNoTracking().Where(c => c.CampaignId == id && c.AnonymisedAt == null)
            .OrderBy(c => c.Id).Select(c => new { c.Name, c.Phone, c.CustomFields }).FirstOrDefaultAsync(ct);
        var values = contact is null ? null
            : MergeValues.For(contact.Name, contact.Phone, contact.CustomFields, user.Identity?.Name, campaign);
        return Preview(request, user, values, campaign);
    }

    static Results<Ok<ScriptPreview>, ValidationProblem> Preview(ScriptPreviewRequest request, ClaimsPrincipal user,
        Dictionary<string, string>? values, string? campaignName)
    {
        var settings = new CampaignSettings
        {
            Script = request.Script, ScriptSections = request.ScriptSections ?? [], ScreenPop = request.ScreenPop,
        };
        var errors = new ValidationErrors();
        if (request.Script?.Length > CampaignSettingsValidator.MaxScriptChars)
            errors.Add("script", $"At most {CampaignSettingsValidator.MaxScriptChars} characters.");
        ScriptCheck.Validate(settings, errors);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        var sample = values is null ? "sample contact" : "first contact";
        values ??= MergeValues.For("Ada Lovelace", "+14155550100", null, user.Identity?.Name, campaignName);
        var sections = ScriptView.SectionsOf(settings)
            .Select(s => new PreviewSection(s.Title, ScriptMerge.Segments(s.Text, values))).ToArray();
        var unknown = sections.SelectMany(s => s.Parts).Where(p => !p.Known).Select(p => p.Field!)
            .Concat(ScriptMerge.FieldsIn(request.ScreenPop?.UrlTemplate).Where(f => !values.ContainsKey(f)))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return TypedResults.Ok(new ScriptPreview(sections, ScreenPopUrl.For(request.ScreenPop, values), unknown,
            [.. values.Keys.Order(StringComparer.Ordinal)], sample));
    }
}
