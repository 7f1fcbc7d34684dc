using Quartz;

namespace Dialer.Core.Data;

/// <summary>
/// The tables of Quartz.NET's clustered ADO job store, created by this project's migrations from the
/// PostgreSQL schema script that ships inside the Quartz package itself, so they always match the
/// version in use. The script only creates what is missing.
/// </summary>
public static class QuartzSchema
{
    public const string TablePrefix = "qrtz_";
    const string Resource = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";
    const string StatementSeparator = "--;;";

    public static IEnumerable<string> CreateStatements()
    {
        using var stream = typeof(IJob).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The Quartz package no longer ships {Resource}.");
        var script = new StreamReader(stream).ReadToEnd().Replace("{0}", TablePrefix).Replace("{1}", TablePrefix);
        var statement = new List<string>();
        foreach (var line in script.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.Trim() == StatementSeparator)
            {
                if (statement.Count > 0) yield return string.Join('\n', statement);
                statement.Clear();
            }
            else if (!line.TrimStart().StartsWith("--", StringComparison.Ordinal) && line.Trim().Length > 0)
                statement.Add(line);
        }
        if (statement.Count > 0) yield return string.Join('\n', statement);
    }

    public static string DropStatement() =>
        "DROP TABLE IF EXISTS " + string.Join(", ", Tables.Select(t => TablePrefix + t)) + " CASCADE";

    static readonly string[] Tables =
    [
        "job_status", "misfire_history", "execution_history", "fired_triggers", "paused_job_grps",
        "paused_trigger_grps", "scheduler_state", "locks", "simprop_triggers", "simple_triggers", "cron_triggers",
        "blob_triggers", "triggers", "job_details", "calendars",
    ];
}
