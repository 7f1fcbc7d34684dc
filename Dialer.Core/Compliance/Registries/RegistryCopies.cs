using Dialer.Core.Compliance.Rules;
using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Compliance.Registries;

/// <summary>One registry copy that binds a team, as the permit reads it.</summary>
/// <param name="MaxAgeDays">how old its jurisdiction's rules let a copy be (<see cref="RegistryRule"/>); null: no
/// limit shipped</param>
/// <param name="Stale">older than that, and no fresher copy of the same registry binds the team</param>
public sealed record RegistryCopy(Guid Id, string Name, string Jurisdiction, DateOnly DownloadedOn, int? MaxAgeDays,
    bool Stale)
{
    /// <summary>"Lista Robinson (ES) of 2026-05-01": how refusals and warnings name it.</summary>
    public string Label => $"{Name} ({Jurisdiction}) of {DownloadedOn:yyyy-MM-dd}";

    /// <summary>"Lista Robinson (ES) of 2026-03-01 is older than ES's 30 days".</summary>
    public string StaleText => $"{Label} is older than {Jurisdiction}'s {MaxAgeDays} days";
}

/// <summary>
/// The active registry copies that bind one team's campaigns: the team's own and those uploaded for every team. Read
/// once per claim (a handful of rows); which of them hold a number is asked in the claim's own query.
/// </summary>
public sealed class RegistryCopies
{
    public static readonly RegistryCopies None = new([]);

    public IReadOnlyList<RegistryCopy> All { get; }
    /// <summary>The copies' ids, for the query that asks which hold a number.</summary>
    public Guid[] Ids { get; }

    public RegistryCopies(IReadOnlyList<RegistryCopy> all)
    {
        All = all;
        Ids = [.. all.Select(c => c.Id)];
    }

    public static IQueryable<RegistryList> Binding(DialerDb db, Guid teamId) =>
        db.RegistryLists.AsNoTracking().Where(l => l.Active && (l.TeamId == null || l.TeamId == teamId));

    public static async Task<RegistryCopies> ForTeamAsync(DialerDb db, Guid teamId, DateTimeOffset now,
        CancellationToken ct)
    {
        var lists = await Binding(db, teamId).ToListAsync(ct);
        return lists.Count == 0 ? None : Of(lists, now);
    }

    /// <summary>The copies as they bind at <paramref name="now"/>: each stale when it, and every other copy of the same
    /// registry (name and jurisdiction), is older than its jurisdiction allows.</summary>
    public static RegistryCopies Of(IReadOnlyCollection<RegistryList> lists, DateTimeOffset now)
    {
        var newest = lists.GroupBy(l => (l.Jurisdiction, l.Name.ToLowerInvariant()))
            .ToDictionary(g => g.Key, g => g.Max(l => l.DownloadedOn));
        return new([.. lists.Select(l =>
        {
            var max = MaxAgeDays(l.Jurisdiction);
            return new RegistryCopy(l.Id, l.Name, l.Jurisdiction, l.DownloadedOn, max,
                IsStale(newest[(l.Jurisdiction, l.Name.ToLowerInvariant())], max, now));
        })]);
    }

    /// <summary>How old a copy of a registry for this jurisdiction may be, from its shipped rules; a state's or
    /// province's registry with no rule of its own shipped takes its country's (fail closed).</summary>
    public static int? MaxAgeDays(string jurisdiction) =>
        RuleBook.Shipped.Find(jurisdiction)?.File.Registry?.MaxAgeDays
            ?? (jurisdiction.IndexOf('-') is > 0 and var dash
                ? RuleBook.Shipped.Find(jurisdiction[..dash])?.File.Registry?.MaxAgeDays : null);

    /// <summary>Downloaded more than <paramref name="maxAgeDays"/> days before today (UTC).</summary>
    public static bool IsStale(DateOnly downloadedOn, int? maxAgeDays, DateTimeOffset now) =>
        maxAgeDays is { } max && DateOnly.FromDateTime(now.UtcDateTime).DayNumber - downloadedOn.DayNumber > max;
}
