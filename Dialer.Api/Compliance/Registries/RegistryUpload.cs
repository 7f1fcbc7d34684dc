using System.Globalization;
using System.Security.Claims;
using Dialer.Api.Auth;
using Dialer.Api.Contacts;
using Dialer.Api.Hosting;
using Dialer.Api.Teams;
using Dialer.Core.Compliance.Registries;
using Dialer.Core.Compliance.Rules;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dialer.Api.Compliance.Registries;

/// <summary>
/// A registry copy from a file, read as it arrives (<see cref="RegistryFile"/>) and copied into PostgreSQL as it is
/// read (<see cref="RegistryLoad"/>): nothing is held whole in memory, so a file of millions of lines takes what one
/// line takes. The copy binds only once every line is read, replacing the older copy of the same registry in the same
/// transaction.
/// </summary>
public static class RegistryUpload
{
    public sealed record UploadReport(RegistryListsApi.RegistryListResponse List, int LinesRead, int RejectedCount,
        bool RejectedTruncated, List<RejectedRow> Rejected, bool Replaced);

    /// <param name="name">the registry's name ("Lista Robinson"); with the jurisdiction and the team, what a newer
    /// copy replaces</param>
    /// <param name="jurisdiction">the country it covers (ISO 3166-1, "ES"), or a US state or Canadian province
    /// (ISO 3166-2, "US-FL")</param>
    /// <param name="downloadedOn">the day the copy was downloaded from the registry (yyyy-MM-dd)</param>
    /// <param name="forAllTeams">an admin's copy for every team</param>
    public static async Task<Results<Ok<UploadReport>, ValidationProblem, ProblemHttpResult, Conflict<ProblemDetails>>>
        UploadAsync(HttpRequest request, DialerDb db, TeamScope scope, IOptions<RegistryOptions> options,
            IOptions<ImportOptions> import, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct,
            string? name = null, string? jurisdiction = null, string? downloadedOn = null, bool forAllTeams = false)
    {
        var now = clock.GetUtcNow();
        var problems = Check(name, jurisdiction, downloadedOn, now, out var on);
        if (forAllTeams && !scope.SeesEveryTeam) problems["forAllTeams"] = ["Only an admin uploads for every team."];
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems);
        var list = new RegistryList
        {
            Id = Guid.CreateVersion7(), TeamId = forAllTeams ? null : scope.TeamId, Name = name!.Trim(),
            Jurisdiction = jurisdiction!.Trim().ToUpperInvariant(), DownloadedOn = on, UploadedAt = now,
            UploadedBy = user.AuditId(),
        };
        if (await NewerHeldAsync(db, list, ct) is { } newer)
            return TypedResults.Conflict(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "A newer copy of this registry is held.",
                Detail = $"The copy held was downloaded on {newer:yyyy-MM-dd}, after {on:yyyy-MM-dd}.",
            });

        var (body, error) = await CsvUpload.OpenAsync(request, options.Value.MaxUploadBytes, ct);
        if (body is null) return Problems.BadRequest(error!);
        try
        {
            await using var load = await RegistryLoad.BeginAsync(db, list, ct);
            var file = new RegistryFile(body, list.Jurisdiction[..2], import.Value.MaxRecordChars,
                options.Value.MaxRejectionsListed);
            if (await file.ReadAsync(load.AddAsync, ct) is { } fileError) return Problems.BadRequest(fileError);
            var (numbers, replaced) = await load.CommitAsync(file.RejectedCount, ct);
            if (numbers == 0)
                return Problems.BadRequest("No line of the file holds a number: nothing was loaded or replaced.");
            list.Numbers = numbers;
            list.Rejected = file.RejectedCount;
            return TypedResults.Ok(new UploadReport(RegistryListsApi.ToResponse(list, now), file.LinesRead,
                file.RejectedCount, file.RejectedCount > file.Rejected.Count, file.Rejected, replaced));
        }
        catch (UploadTooLargeException e)
        {
            return Problems.BadRequest(e.Message + " Nothing was loaded or replaced (Registry:MaxUploadBytes).");
        }
    }

    static Dictionary<string, string[]> Check(string? name, string? jurisdiction, string? downloadedOn,
        DateTimeOffset now, out DateOnly on)
    {
        var problems = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name)) problems["name"] = ["Name the registry (Lista Robinson)."];
        else if (name.Trim().Length > RegistryList.MaxName)
            problems["name"] = [$"At most {RegistryList.MaxName} characters."];
        if (!IsJurisdiction(jurisdiction))
            problems["jurisdiction"] = ["Give the country (ISO 3166-1: ES, US) or the US state or Canadian province "
                + "(ISO 3166-2: US-FL, US-TX) the registry covers."];
        on = default;
        if (!DateOnly.TryParseExact(downloadedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                out on))
            problems["downloadedOn"] = ["Give the day the copy was downloaded (yyyy-MM-dd)."];
        else if (on > DateOnly.FromDateTime(now.UtcDateTime).AddDays(1))
            problems["downloadedOn"] = ["A copy cannot be downloaded in the future."];
        else if (on.Year < 2000) problems["downloadedOn"] = ["Give a day from 2000 on."];
        return problems;
    }

    /// <summary>A country, or a US state or Canadian province: what a registry copy may bind.</summary>
    static bool IsJurisdiction(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        { Length: 2 } country => Phones.IsKnownRegion(country),
        { Length: 5 } subdivision => Subdivisions.IsSubdivision(subdivision),
        _ => false,
    };

    /// <summary>The download day of a copy of the same registry held for the same team, when it is newer.</summary>
    static async Task<DateOnly?> NewerHeldAsync(DialerDb db, RegistryList list, CancellationToken ct)
    {
        var held = await db.RegistryLists.AsNoTracking()
            .Where(l => l.Active && l.TeamId == list.TeamId && l.Jurisdiction == list.Jurisdiction
                && l.Name.ToLower() == list.Name.ToLower())
            .Select(l => (DateOnly?)l.DownloadedOn).MaxAsync(ct);
        return held > list.DownloadedOn ? held : null;
    }
}
