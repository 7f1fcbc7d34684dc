# What the demo's calls cost: PostgreSQL's commits and rows written (pg_stat_database of the demo's database) and the
# CPU time of PostgreSQL, the Worker and the Api (from /proc), read before the campaign starts and after it ends. The
# figures per call are the capacity model's inputs (docs/scale.md). They include all the demo does meanwhile (the
# lists, the preview campaign, the webhooks, the floor's reads), so they are an upper bound for the calls alone.

# costs_snapshot: one line of numbers: commits inserted updated deleted pg_cpu_ticks worker_ticks api_ticks
costs_snapshot() {
  local db=${DIALER_DB_NAME:-dialer} stats
  stats=$(admin_psql -d "$db" -tAF' ' -c "SELECT xact_commit, tup_inserted, tup_updated, tup_deleted
    FROM pg_stat_database WHERE datname = current_database()" 2>/dev/null | head -1)
  echo "${stats:-0 0 0 0} $(postgres_ticks) $(process_ticks worker) $(process_ticks api)"
}

# utime + stime of a process, and of the children it waited for (the postmaster's exited backends), in clock ticks
proc_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 + $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

process_ticks() { local pid; pid=$(cat "ops/.run/$1.pid" 2>/dev/null) && proc_ticks "$pid" || echo 0; }

postgres_ticks() {
  local total=0 pid
  for pid in $(pgrep -x postgres); do total=$((total + $(proc_ticks "$pid"))); done
  echo "$total"
}

# costs_report BEFORE AFTER CALLS SECONDS: the run's figures per call placed
costs_report() {
  python3 - "$1" "$2" "$3" "$4" "$(getconf CLK_TCK)" <<'PY'
import sys
before, after = ([int(x) for x in s.split()] for s in sys.argv[1:3])
calls, secs, tick = int(sys.argv[3]), max(int(sys.argv[4]), 1), int(sys.argv[5])
d = [a - b for a, b in zip(after, before)]
if calls <= 0 or d[0] <= 0:
    print("  costs: not measured (no calls, or PostgreSQL's statistics did not answer)")
    sys.exit(0)
commits, rows = d[0], d[1] + d[2] + d[3]
pg, worker, api = (1000 * t / tick for t in d[4:7])
print(f"  costs per call placed ({calls} calls in {secs} s): {commits / calls:.1f} transactions (reads included), "
      f"{rows / calls:.1f} rows written ({d[1] / calls:.1f} inserted, {d[2] / calls:.1f} updated, "
      f"{d[3] / calls:.1f} deleted); CPU: "
      f"PostgreSQL {pg / calls:.1f} ms, Worker {worker / calls:.1f} ms, Api {api / calls:.1f} ms")
if pg > 0 and worker > 0:
    print(f"    so one core of each serves at most: PostgreSQL {1000 * calls / pg:.0f} calls/s, "
          f"Worker {1000 * calls / worker:.0f} calls/s (CPU alone, on this run's mix)")
PY
}
