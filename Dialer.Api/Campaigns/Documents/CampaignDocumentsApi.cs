using System.Text.Json;
using System.Text.Json.Nodes;
using Dialer.Api.Auth;
using Dialer.Api.Hosting;
using Dialer.Api.Teams;
using Dialer.Core.Campaigns;
using Dialer.Core.Campaigns.History;
using Dialer.Core.Changes;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YamlDotNet.Core;

namespace Dialer.Api.Campaigns.Documents;

/// <summary>Export a campaign as a JSON or YAML document, and create or update one from such a document.</summary>
public static class CampaignDocumentsApi
{
    public const string YamlType = "application/yaml";
    const int MaxDocumentChars = 1024 * 1024;

    /// <param name="Action">create, update or unchanged</param>
    /// <param name="Refusal">why an update cannot be applied now (a running campaign), if it cannot</param>
    public sealed record ImportResult(string Action, Guid? CampaignId, bool DryRun, FieldChange[] Changes,
        uint? Version, string? Refusal);

    /// <param name="campaigns">the /api/campaigns group</param>
    public static RouteGroupBuilder MapCampaignDocumentsApi(this RouteGroupBuilder campaigns)
    {
        campaigns.MapGet("/{id:guid}/document", Export).RequireAuthorization(Policies.Reader)
            .RequireTeamScope(TeamObject.Campaign)
            .WithDescription("The campaign's whole definition (not its contacts): JSON, or YAML with ?format=yaml or "
                + "Accept: application/yaml.");
        campaigns.MapGet("/defaults", () => TypedResults.Ok(new CampaignSettings()))
            .RequireAuthorization(Policies.Reader)
            .WithDescription("The settings a new campaign gets for every field it leaves out.");
        campaigns.MapPost("/import", Import).RequireAuthorization(Policies.Marketer).OwnTeamOnly(TeamObject.Campaign)
            .Accepts<JsonObject>("application/json", YamlType)
            .WithDescription(
                "Creates a campaign from a document, or updates the one it names (by id, else by name) among "
                + "the caller's team's campaigns: another team's campaign of the same name or id is never touched, "
                + "a new one is created. An admin may name the team with ?teamId=. ?dryRun=true only answers the "
                + "differences.");
        return campaigns;
    }

    static async Task<IResult> Export(Guid id, DialerDb db, HttpRequest request, CancellationToken ct,
        string? format = null)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return TypedResults.NotFound();
        var document = CampaignDocument.From(campaign);
        return WantsYaml(request, format)
            ? TypedResults.Text(YamlJson.Write(document), YamlType)
            : TypedResults.Text(document.ToJsonString(
                new JsonSerializerOptions(DialerJson.Options) { WriteIndented = true }), "application/json");
    }

    static async Task<Results<Ok<ImportResult>, Created<ImportResult>, ValidationProblem, Conflict<ProblemDetails>,
        ProblemHttpResult>> Import(
        HttpRequest request, DialerDb db, TeamScope scope, CampaignHistory history, TimeProvider clock,
        CancellationToken ct, bool dryRun = false, string? format = null, Guid? teamId = null)
    {
        var yaml = WantsYaml(request, format, fromBody: true);
        JsonNode? node;
        try
        {
            using var reader = new StreamReader(request.Body);
            var buffer = new char[MaxDocumentChars + 1];
            var length = await reader.ReadBlockAsync(buffer, ct);
            if (length > MaxDocumentChars) return Problems.BadRequest("A campaign document is at most 1 MB.");
            var text = new string(buffer, 0, length);
            node = yaml ? YamlJson.Read(new StringReader(text)) : JsonNode.Parse(text);
        }
        catch (Exception e) when (e is JsonException or YamlException)
        {
            return Problems.BadRequest($"The document is not valid {(yaml ? "YAML" : "JSON")}: {e.Message}");
        }

        var (id, settings, errors) = CampaignDocument.Read(node);
        if (errors.Count > 0 || settings is null) return TypedResults.ValidationProblem(errors);

        var (team, teamError) = await scope.TeamForNewAsync(teamId, ct);
        if (teamError is not null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["teamId"] = [teamError] });
        var visible = scope.Campaigns.Where(c => c.TeamId == team);
        var (existing, ambiguity) = await FindAsync(visible, id, settings.Name, ct);
        if (ambiguity is not null) return Problems.Conflict(new Refusal(ambiguity));
        if (existing is null) return await CreateAsync(settings, team!.Value, db, history, clock, dryRun, ct);

        var before = existing.Settings;
        var changes = SettingsDiff.Between(before, settings);
        if (changes.Length == 0)
            return TypedResults.Ok(new ImportResult("unchanged", existing.Id, dryRun, [], existing.Version, null));
        if (ETags.Stale(request, existing.Version)) return ETags.StaleProblem();
        var refusal = existing.TryUpdate(settings, clock.GetUtcNow());
        if (dryRun)
            return TypedResults.Ok(new ImportResult(
                "update", existing.Id, true, changes, existing.Version, refusal?.Reason));
        if (refusal is not null) return Problems.Conflict(refusal);

        history.Definition(existing, before, CampaignHistory.Imported, "from a campaign document");
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return ETags.StaleProblem(); }
        return TypedResults.Ok(new ImportResult("update", existing.Id, false, changes, existing.Version, null));
    }

    static async Task<Results<Ok<ImportResult>, Created<ImportResult>, ValidationProblem, Conflict<ProblemDetails>,
        ProblemHttpResult>> CreateAsync(
        CampaignSettings settings, Guid team, DialerDb db, CampaignHistory history, TimeProvider clock, bool dryRun,
        CancellationToken ct)
    {
        var changes = SettingsDiff.Between(null, settings);
        if (dryRun) return TypedResults.Ok(new ImportResult("create", null, true, changes, null, null));
        var campaign = Campaign.Create(settings, clock.GetUtcNow());
        campaign.TeamId = team;
        db.Campaigns.Add(campaign);
        history.Definition(campaign, null, CampaignHistory.Imported, "created from a campaign document");
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/campaigns/{campaign.Id}",
            new ImportResult("create", campaign.Id, false, changes, campaign.Version, null));
    }

    /// <summary>
    /// The campaign a document names among <paramref name="campaigns"/> (one team's): by id, else by name.
    /// </summary>
    static async Task<(Campaign? Campaign, string? Ambiguity)> FindAsync(IQueryable<Campaign> campaigns, Guid? id,
        string name, CancellationToken ct)
    {
        if (id is { } given && await campaigns.FirstOrDefaultAsync(c => c.Id == given, ct) is { } byId)
            return (byId, null);
        var byName = await campaigns.Where(c => c.Name.ToLower() == name.ToLower()).Take(2).ToListAsync(ct);
        return byName.Count > 1
            ? (null, $"Several campaigns are named '{name}': give the document the id of the one to update.")
            : (byName.SingleOrDefault(), null);
    }

    static bool WantsYaml(HttpRequest request, string? format, bool fromBody = false)
    {
        if (format is not null)
            return format.Equals("yaml", StringComparison.OrdinalIgnoreCase)
                || format.Equals("yml", StringComparison.OrdinalIgnoreCase);
        var header = fromBody ? request.ContentType ?? "" : request.Headers.Accept.ToString();
        return header.Contains("yaml", StringComparison.OrdinalIgnoreCase);
    }
}
