namespace Dialer.Bench.Dial;

/// <summary>
/// CPU seconds (user + system, from /proc) of the processes a dial passes through: the Worker, PostgreSQL, RabbitMQ,
/// and this process, which holds the simulator. What a call costs each, whatever else the 2 cores do meanwhile.
/// A PostgreSQL backend that ends between two readings takes its share with it (an undercount).
/// </summary>
public sealed class MachineCpu(int workerPid)
{
    const double TicksPerSecond = 100; // USER_HZ on Linux

    public sealed record Reading(double Worker, double Postgres, double RabbitMq, double Simulator)
    {
        public Reading Since(Reading earlier) => new(Worker - earlier.Worker, Postgres - earlier.Postgres,
            RabbitMq - earlier.RabbitMq, Simulator - earlier.Simulator);

        public string PerCall(int calls)
        {
            string Ms(double seconds) => $"{seconds * 1000 / Math.Max(1, calls):F1}";
            return $"worker {Ms(Worker)}, postgres {Ms(Postgres)}, rabbitmq {Ms(RabbitMq)}, "
                + $"simulator and bench {Ms(Simulator)} ms";
        }
    }

    public Reading Read()
    {
        double postgres = 0, rabbit = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            var (name, seconds) = Stat(pid);
            if (name == "postgres") postgres += seconds;
            else if (name == "beam.smp") rabbit += seconds;
        }
        return new Reading(Stat(workerPid).Seconds, postgres, rabbit, Stat(Environment.ProcessId).Seconds);
    }

    /// <summary>The command name and utime + stime of /proc/pid/stat (fields 14 and 15).</summary>
    static (string Name, double Seconds) Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var open = stat.IndexOf('(');
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            return (stat[(open + 1)..close], (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond);
        }
        catch (IOException) { return ("", 0); } // ended meanwhile
        catch (UnauthorizedAccessException) { return ("", 0); }
    }
}
