using System.Diagnostics;
using Npgsql;

namespace Dialer.Bench.Claim;

/// <summary>
/// CPU time spent by this process and by the PostgreSQL backends serving this database, between two readings: what a
/// claim costs whatever else the machine is doing (its wall time on 2 shared cores is mostly waiting for a core). A
/// backend that ends between the readings takes its share with it (an undercount).
/// </summary>
public sealed class CpuMeter(string connection)
{
    const double TicksPerSecond = 100; // USER_HZ on Linux

    public sealed record Reading(TimeSpan Process, Dictionary<int, double> Backends)
    {
        /// <summary>Spent since <paramref name="earlier"/>: this process, and the backends (seconds).</summary>
        public (TimeSpan Process, TimeSpan Database) Since(Reading earlier) => (Process - earlier.Process,
            TimeSpan.FromSeconds(Backends.Sum(b => b.Value - earlier.Backends.GetValueOrDefault(b.Key))));
    }

    public async Task<Reading> ReadAsync()
    {
        var process = Process.GetCurrentProcess().TotalProcessorTime;
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", db);
        var backends = new Dictionary<int, double>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                backends[reader.GetInt32(0)] = BackendSeconds(reader.GetInt32(0));
        return new Reading(process, backends);
    }

    /// <summary>utime + stime of /proc/pid/stat (fields 14 and 15, after the command name in parentheses).</summary>
    static double BackendSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond;
        }
        catch (IOException) { return 0; } // ended meanwhile
        catch (UnauthorizedAccessException) { return 0; }
    }
}
