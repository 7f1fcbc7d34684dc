using System.Diagnostics;

namespace Dialer.Api.Contacts;

/// <summary>
/// Where one import's time went, stage by stage, summed over its batches (writes in flight at once overlap, so the
/// database stages may add up to more than the wall time). Logged when the import ends.
/// </summary>
public sealed class ImportTimings
{
    long _reading, _parsing, _copy, _insert, _consents, _commit;

    /// <summary>Reading and splitting the CSV, waiting for the client included.</summary>
    public TimeSpan Reading => Stopwatch.GetElapsedTime(0, Volatile.Read(ref _reading));
    /// <summary>Checking rows: numbers, zones, jurisdictions, consents, custom fields (on every core).</summary>
    public TimeSpan Parsing => Stopwatch.GetElapsedTime(0, Volatile.Read(ref _parsing));
    /// <summary>Binary COPY into the staging table, with its creation.</summary>
    public TimeSpan Copy => Stopwatch.GetElapsedTime(0, Volatile.Read(ref _copy));
    /// <summary>The INSERT … SELECT into contacts (duplicates in the campaign, do-not-call).</summary>
    public TimeSpan Insert => Stopwatch.GetElapsedTime(0, Volatile.Read(ref _insert));
    public TimeSpan Consents => Stopwatch.GetElapsedTime(0, Volatile.Read(ref _consents));
    public TimeSpan Commit => Stopwatch.GetElapsedTime(0, Volatile.Read(ref _commit));

    public void AddReading(long since) => Add(ref _reading, since);
    public void AddParsing(long since) => Add(ref _parsing, since);
    public void AddCopy(long since) => Add(ref _copy, since);
    public void AddInsert(long since) => Add(ref _insert, since);
    public void AddConsents(long since) => Add(ref _consents, since);
    public void AddCommit(long since) => Add(ref _commit, since);

    static void Add(ref long total, long since) =>
        Interlocked.Add(ref total, Stopwatch.GetTimestamp() - since);
}
