#!/usr/bin/env python3
"""The cluster run's measurements (ops/cluster/run calls this; see docs/scale.md).

  pacing   samples, four times a second until killed, the campaign's pacing row (pacing_states: the tick's time and
           the Worker that ran it, written by every tick) and Quartz's executing fired triggers of its pacing job
           (qrtz_fired_triggers: one row per running execution, with the Quartz node running it); one JSON line each
  report   the table and the final line, from the chaos checker's result (double dials, lost, stranded), the
           simulator's create rates (seconds over the account's rate), the pacing samples (gaps between ticks, ticks
           run twice at once), the dashboard watcher's log (the live feed and the REST figures through the proxy) and
           the run's timeline of faults
"""
import argparse, json, subprocess, sys, time, urllib.request

GAP_LIMIT = 10.0  # s between two pacing ticks that counts as a gap (G)


def psql(db, query):
    url = f"postgresql://dialer:dialer@127.0.0.1:5432/{db}"
    p = subprocess.run(["psql", url, "-XtAqc", f"SELECT coalesce(json_agg(t), '[]') FROM ({query}) t"],
                       capture_output=True, text=True)
    return json.loads(p.stdout.strip() or "[]") if p.returncode == 0 else None


def cmd_pacing(args):
    query = f"""SELECT extract(epoch FROM updated_at)::float8 tick, node,
        (SELECT json_agg(json_build_object('instance', instance_name, 'fired', fired_time))
           FROM qrtz_fired_triggers WHERE job_name = 'pacing-{args.campaign}' AND state = 'EXECUTING') executing
        FROM pacing_states WHERE campaign_id = '{args.campaign}'"""
    with open(args.out, "a") as out:
        while True:
            rows = psql(args.db, query)
            if rows:
                out.write(json.dumps(dict(t=time.time(), **rows[0])) + "\n")
                out.flush()
            time.sleep(0.25)


def lines(path):
    try:
        return [json.loads(l) for l in open(path) if l.strip()]
    except FileNotFoundError:
        return []


def pacing_figures(samples, start, end):
    ticks = {}
    executing = 0
    for s in samples:
        if start <= s["t"] <= end:
            ticks.setdefault(s["tick"], s["node"])
            runs = s.get("executing") or []
            if len({r["instance"] for r in runs}) > 1 or len(runs) > 1:
                executing += 1
    times = sorted(ticks)
    gaps = [(b - a, a, ticks[a], ticks[b]) for a, b in zip(times, times[1:])]
    nodes = []
    for t in times:
        if not nodes or nodes[-1][0] != ticks[t]:
            nodes.append([ticks[t], t])
    return dict(ticks=len(times), gaps=gaps, over=[g for g in gaps if g[0] > GAP_LIMIT], twice=executing,
                nodes=nodes, longest=max(gaps, default=(0, 0, "", ""))[0])


def dashboard_figures(events, start, end, api_kill):
    live = [e["t"] for e in events if e["event"] == "campaign" and start <= e["t"] <= end]
    silences = [b - a for a, b in zip(live, live[1:])]
    rest = [e for e in events if e["event"] == "rest" and start <= e["t"] <= end]
    after_kill = next((e for e in events if api_kill and e["event"] == "campaign" and e["t"] > api_kill), None)
    return dict(updates=len(live), longest_silence=max(silences, default=0.0),
                rest_ok=sum(1 for e in rest if 200 <= e["status"] < 300), rest_failed=[e for e in rest if not 200 <= e["status"] < 300],
                back_after=(after_kill["t"] - api_kill) if after_kill else None,
                apis=sorted({e["api"] for e in events if e["event"] == "campaign" and e["api"]}))


def cmd_report(args):
    result = json.load(open(args.result))
    timeline = lines(args.timeline)
    at = {e["what"]: e["t"] for e in timeline}
    start, end = at["campaign started"], at.get("campaign settled", time.time())
    stats = json.load(urllib.request.urlopen(args.sim + "/sim/stats", timeout=30))
    rate = next((r for r in stats.get("createRates", []) if r["accountSid"] == args.account), None)
    pacing = pacing_figures(lines(args.pacing), start, end)
    dash = dashboard_figures(lines(args.dashboard), start, end, at.get("kill -9 api"))
    counts = result["counts"]
    lost = counts["L"] + counts["T"]
    breaches = rate["secondsOverLimit"] if rate else 0

    def since(what):
        return f"+{at[what] - start:5.0f} s" if what in at else "      -"
    print(f"\n{'at':>8}  event")
    for e in timeline:
        print(f"{'+%5.0f s' % (e['t'] - start):>8}  {e['what']}" + (f" ({e['detail']})" if e.get("detail") else ""))
    handover = next(((g[0], g[2], g[3]) for g in pacing["gaps"] if "kill -9 worker" in at
                     and g[1] <= at["kill -9 worker"] <= g[1] + g[0]), None)
    rows = [
        ("status", args.status, "the campaign, from the Api through the proxy"),
        ("calls", str(args.calls), "customers' calls the simulator placed for the campaign"),
        ("double dials", str(counts["D"]), "calls to one number at once, or no attempt owns (ops/chaos/check.py)"),
        ("lost", str(lost), f"contacts done without a call ({counts['L']}) or stranded ({counts['T']})"),
        ("out of hours", str(counts["H"]), "calls outside the window or after do-not-call"),
        ("silent", str(counts["Q"]), "people who answered and heard nobody within 2 s"),
        ("rate breaches", str(breaches), f"seconds with more creates than {rate['limit'] if rate else '?'}/s "
                                         f"(peak {rate['peak'] if rate else '?'}/s over {rate['secondsSeen'] if rate else '?'} s)"),
        ("pacing ticks", str(pacing["ticks"]), f"seen, by {len({n for n, _ in pacing['nodes']})} Workers; "
                                               f"handovers {len(pacing['nodes']) - 1}"),
        ("pacing gaps > 10 s", str(len(pacing["over"])), f"longest {pacing['longest']:.1f} s"
                                                  + (f"; across the Worker kill {handover[0]:.1f} s ({handover[1]} -> {handover[2]})" if handover else "")),
        ("pacing twice at once", str(pacing["twice"]), "samples with two executions of the campaign's pacing job"),
        ("dashboard live", str(dash["updates"]), f"updates through the proxy from {', '.join(dash['apis']) or 'none'}; longest silence "
                                                 f"{dash['longest_silence']:.1f} s; first after the Api kill "
                                                 + (f"{dash['back_after']:.1f} s" if dash["back_after"] is not None else "never")),
        ("dashboard REST", f"{dash['rest_ok']}/{dash['rest_ok'] + len(dash['rest_failed'])}", "snapshots answered 2xx through the proxy"),
    ]
    print(f"\n{'figure':<22} {'value':>9}  how")
    for name, value, how in rows:
        print(f"{name:<22} {value:>9}  {how}")
    evidence = [f"{k}: {l}" for k in "DLT" for l in result["evidence"][k][:5]]
    evidence += [f"pacing gap {g[0]:.1f} s after the tick of {g[2]}" for g in pacing["over"][:5]]
    if evidence:
        print("\nevidence, first lines:")
        for l in evidence:
            print("  " + l[:300])
    print(f"cluster: workers {args.workers}, apis {args.apis}, rabbit nodes {args.nodes}, calls {args.calls}; "
          f"double dials {counts['D']}, lost {lost}, rate breaches {breaches}, pacing gaps over 10 s {len(pacing['over'])}")
    bad = counts["D"] or lost or breaches or pacing["over"] or pacing["twice"] or args.status != "completed" \
        or dash["back_after"] is None or pacing["ticks"] == 0
    sys.exit(1 if bad else 0)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--db", required=True)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("pacing"); s.add_argument("--campaign", required=True); s.add_argument("--out", required=True)
    r = sub.add_parser("report")
    for name in ("result", "timeline", "pacing", "dashboard", "sim", "account", "status"):
        r.add_argument("--" + name, required=True)
    for name in ("workers", "apis", "nodes", "calls"):
        r.add_argument("--" + name, type=int, required=True)
    args = p.parse_args()
    {"pacing": cmd_pacing, "report": cmd_report}[args.cmd](args)


if __name__ == "__main__":
    main()
