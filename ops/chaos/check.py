#!/usr/bin/env python3
"""The chaos run's helpers and its checks (ops/chaos/run calls this; see docs/chaos.md).

Helpers: zones (daytime zones of the generator), gen (a contact list), dnc-pick, inflight, answering, settle,
close-window. The checks (report) read PostgreSQL (the engine's own record) and GET /sim/calls (the simulator's: what
Twilio would have done) and count, per run:

  double dials (D)  simulator calls to one customer's number that overlap in time (ringing or talking at once), plus
                    calls the engine placed and no attempt owns (an attempt's create placed twice: the engine kept one
                    SID, the other call went ahead unowned)
  lost (L)          contacts the engine finished (Done) although their last attempt placed no call (the simulator has
                    no call with its SID): refused, rejected, "not placed"; and, after a killed upload and its retry,
                    good rows of the file missing from the campaign (or present twice)
  stranded (T)      contacts still Dialing, or attempts not final (Created, Dialing, Unknown, or live states whose
                    simulator call has ended), more than STRANDED_AFTER s after the run's campaign settled; contacts due
                    (Pending, next attempt now or unset) in a campaign that is still Running with nothing in flight
  out of hours (H)  simulator calls created, or answered, when the campaign's window (as in force at that moment) was
                    closed in one of the zones the contact may be in (its stored zones and its number's zone), and calls
                    created more than DNC_GRACE s after the number was put on the do-not-call list
  silent (Q)        customers who answered (the simulator's planned outcome Human) and heard neither an agent nor the
                    safe-harbour message within SILENCE_BOUND s of the answer (or at all)

The abandon ledger: the engine's abandoned attempts (call_attempts.abandoned) against the simulator's truth: customers
who answered as a person and heard the safe-harbour message, or no agent within SILENCE_BOUND s. Reported per run.
"""
import argparse, datetime as dt, json, os, subprocess, sys, time, urllib.request
from zoneinfo import ZoneInfo

SILENCE_BOUND = 2.0      # s from answer to an agent or the safe-harbour message (issue 14, defect 6)
DNC_GRACE = 2.0          # s: a create already on its way when the number was listed is not counted
STRANDED_AFTER = 60      # s an unfinished attempt may outlive its campaign's settling
AGENT_PREFIX = "+1202555"
FALLBACK_MESSAGE = os.environ.get("Twilio__FallbackMessage", "Sorry we missed you. We will try again later.")
SAY_MS_PER_CHAR, TWIML_SCALE = 65, 0.2  # the simulator's Say timing with ops/TwilioSimulator/demo.json

# number plans of the generator: (zone, prefix, digits after the prefix); every number maps to exactly that zone
PLANS = [
    ("America/New_York", "+1212", 7), ("America/Chicago", "+1312", 7), ("America/Denver", "+1303", 7),
    ("America/Los_Angeles", "+1415", 7), ("Europe/London", "+4474", 8), ("Europe/Berlin", "+49151", 8),
    ("Asia/Kolkata", "+9198", 8), ("Asia/Singapore", "+6581", 6), ("Asia/Tokyo", "+81901", 7),
    ("Pacific/Auckland", "+6493", 6),
]
ALIASES = {"Asia/Calcutta": "Asia/Kolkata"}


def number_zone(phone):
    for zone, prefix, digits in PLANS:
        if phone.startswith(prefix) and len(phone) == len(prefix) + digits:
            return zone
    return None


def contact_zones(k):
    """Every zone the contact may be in: those stored with it and its number's own."""
    return set(k["time_zones"]) | ({number_zone(k["phone"])} - {None})


# ---------------------------------------------------------------- database and simulator
def sql(args, query, retries=30):
    url = f"postgresql://dialer:dialer@127.0.0.1:5432/{args.db}"
    wrapped = f"SELECT coalesce(json_agg(t), '[]') FROM ({query}) t"
    for i in range(retries):
        p = subprocess.run(["psql", url, "-XtAqc", wrapped], capture_output=True, text=True)
        if p.returncode == 0:
            return json.loads(p.stdout.strip() or "[]")
        time.sleep(1)  # PostgreSQL restarting
    raise SystemExit(f"check: psql failed: {p.stderr.strip()}")


def get_json(url):
    with urllib.request.urlopen(url, timeout=30) as r:
        return json.load(r)


def ts(s):
    return dt.datetime.fromisoformat(s.replace("Z", "+00:00")) if s else None


# ---------------------------------------------------------------- helpers for the run
def cmd_zones(args):
    now = dt.datetime.now(dt.timezone.utc)
    print(" ".join(z for z, _, _ in PLANS if 9 <= now.astimezone(ZoneInfo(z)).hour < 19))


def cmd_gen(args):
    zones = args.zones.split()
    plans = [p for p in PLANS if p[0] in zones]
    print("phone,name,timezone")
    seen = set()
    for i in range(args.rows):
        zone, prefix, digits = plans[i % len(plans)]
        body = f"{args.run % 1000:03d}{i:05d}" if digits == 8 else f"{args.run % 100:02d}{i:0{digits - 2}d}"[-digits:]
        if prefix.startswith("+1"):  # NANP: the exchange must not start with 0 or 1
            body = f"{2 + args.run % 8}{(args.run // 8) % 10}{(i // 10000) % 10}{i % 10000:04d}"
        phone = prefix + body
        if phone in seen:
            continue
        seen.add(phone)
        # a third of the rows state their zone (the number's own: narrowing nothing)
        print(f"{phone},Chaos customer {args.run}-{i},{zone if i % 3 == 0 else ''}")


def cmd_dnc_pick(args):
    rows = [l.split(",")[0] for l in open(args.csv).read().splitlines()[1:]]
    print(json.dumps(rows[-2:]))


def cmd_inflight(args):
    n = sql(args, f"SELECT count(*) n FROM call_attempts WHERE campaign_id = '{args.campaign}' AND state BETWEEN 10 AND 60")[0]["n"]
    sys.exit(0 if n >= args.at_least else 1)


def cmd_count(args):
    print(sql(args, f"SELECT count(*) n FROM contacts WHERE campaign_id = '{args.campaign}'")[0]["n"])


def cmd_answering(args):
    n = sql(args, f"""SELECT count(*) n FROM call_attempts WHERE campaign_id = '{args.campaign}'
        AND answered_at > now() - interval '1.5 s' AND bridged_at IS NULL AND state < 100""")[0]["n"]
    sys.exit(0 if n > 0 else 1)


def cmd_settle(args):
    """Waits until the campaign completed, or nothing is in flight and nothing is due (twice in a row)."""
    start, quiet = time.time(), 0
    while time.time() - start < args.timeout:
        r = sql(args, f"""SELECT (SELECT status FROM campaigns WHERE id = '{args.campaign}') status,
            (SELECT count(*) FROM call_attempts WHERE campaign_id = '{args.campaign}' AND state < 100) inflight,
            (SELECT count(*) FROM contacts WHERE campaign_id = '{args.campaign}' AND status = 'Pending'
               AND (next_attempt_at IS NULL OR next_attempt_at <= now())) due,
            (SELECT count(*) FROM contacts WHERE campaign_id = '{args.campaign}' AND status IN ('Pending', 'Dialing')) left""")[0]
        quiet = quiet + 1 if r["status"] == "Completed" or (r["inflight"] == 0 and r["due"] == 0) else 0
        if quiet >= 2:
            print(f"chaos:   settled after {time.time() - start:.0f} s: {r['status']}, {r['left']} contacts waiting for a later attempt", file=sys.stderr)
            return
        time.sleep(2)
    print(f"chaos:   NOT settled within {args.timeout} s: {r}", file=sys.stderr)
    sys.exit(1)


def cmd_close_window(args):
    """Reads the campaign (GET) on stdin, writes its settings with a window ending soon, prints the closing time."""
    campaign = json.load(sys.stdin)
    zone = ZoneInfo(args.zone)
    local = dt.datetime.now(zone).replace(second=0, microsecond=0) + dt.timedelta(minutes=args.minutes + 1)
    settings = campaign["settings"]
    settings["callingWindow"]["end"] = local.strftime("%H:%M")
    json.dump(settings, open(args.out, "w"))
    print(json.dumps({"closesAt": local.astimezone(dt.timezone.utc).isoformat(), "closesLocal": local.strftime("%H:%M")}))


# ---------------------------------------------------------------- the checks
def window_open(window, zones, at):
    days = [d.lower() for d in window["days"]]
    start, end = max(window["start"][:5], "08:00"), min(window["end"][:5], "21:00")
    for z in zones:
        local = at.astimezone(ZoneInfo(ALIASES.get(z, z)))
        if local.strftime("%A").lower() not in days or local.date().isoformat() in (window.get("holidays") or []):
            return False
        if not (start <= local.strftime("%H:%M:%S") < end + (":00" if len(end) == 5 else "")):
            return False
    return True


def check_run(args, run, calls_by_number, conferences):
    c = run["campaign"]
    camp = sql(args, f"SELECT status, settings FROM campaigns WHERE id = '{c}'")[0]
    settings = camp["settings"]
    contacts = sql(args, f"""SELECT id, phone, status, time_zones, attempts, next_attempt_at, last_outcome
        FROM contacts WHERE campaign_id = '{c}'""")
    attempts = sql(args, f"""SELECT id, contact_id, state, call_sid, created_at, dialed_at, answered_at, bridged_at,
        ended_at, outcome, error, abandoned, live_answer FROM call_attempts WHERE campaign_id = '{c}' ORDER BY created_at""")
    dnc = {r["phone"]: ts(r["added_at"]) for r in sql(args, f"""SELECT phone, min(added_at) added_at FROM do_not_call
        WHERE campaign_id IS NULL OR campaign_id = '{c}' GROUP BY phone""")}
    now = dt.datetime.now(dt.timezone.utc)
    by_contact = {}
    for a in attempts:
        by_contact.setdefault(a["contact_id"], []).append(a)
    sids = {a["call_sid"] for a in attempts if a["call_sid"]}
    sim = {}
    for k in contacts:
        for call in calls_by_number.get(k["phone"], []):
            sim[call["sid"]] = call
    ev = {k: [] for k in "DLTHQ"}
    ev["ledger"] = []

    # D: overlapping calls to one number, and calls no attempt owns
    for k in contacts:
        calls = sorted(calls_by_number.get(k["phone"], []), key=lambda x: x["createdAt"])
        for x, y in zip(calls, calls[1:]):
            end = ts(x["endTime"]) or now
            if ts(y["createdAt"]) < end:
                ev["D"].append(f"contact {k['id']} {k['phone']}: calls {x['sid']} and {y['sid']} at once ({x['createdAt']} .. {x['endTime']}, {y['createdAt']})")
        for x in calls:
            if x["sid"] not in sids:
                trail = "; ".join(x["trail"][:3])
                ev["D"].append(f"contact {k['id']} {k['phone']}: call {x['sid']} ({x['status']}, {x['createdAt']}) owned by no attempt; trail: {trail}")

    # L: done without a call on its last attempt; rows of a killed upload missing
    for k in contacts:
        if k["status"] != "Done":
            continue
        tries = by_contact.get(k["id"], [])
        last = tries[-1] if tries else None
        if last is None or last["call_sid"] not in sim:
            what = f"last attempt {last['id']} state {last['state']} outcome {last['outcome']} error {last['error']!r}" if last else "no attempt"
            ev["L"].append(f"contact {k['id']} {k['phone']} Done ({k['last_outcome']}) after {k['attempts']} attempts, no call placed: {what}")
    if run.get("upload"):
        up, path, retry = run["upload"].split()
        lines = open(path).read().splitlines()
        # good rows: every row of the file but those the import rejects as numbers (its report names their lines)
        rejected = set()
        if os.path.exists(retry):
            report = json.load(open(retry))
            rejected = {r["line"] for r in report["rejected"]}
            if report["rejectedTruncated"]:
                ev["L"].append(f"upload to {up}: the retry's report truncates its {report['rejectedCount']} rejected rows; the check cannot tell good rows")
        else:
            ev["L"].append(f"upload to {up}: the retried upload failed")
        good = {l.split(",")[0] for n, l in enumerate(lines[1:], start=2) if n not in rejected}
        have = sql(args, f"SELECT phone, count(*) n FROM contacts WHERE campaign_id = '{up}' GROUP BY phone")
        got = {r["phone"] for r in have}
        twice = [r["phone"] for r in have if r["n"] > 1]
        missing = good - got - set(dnc)
        if missing or twice:
            ev["L"].append(f"upload to {up}: {len(missing)} of {len(good)} good rows missing after the retry, {len(twice)} present twice "
                           f"(e.g. {sorted(missing)[:3]})")
            ev["L"].extend([""] * (len(missing) + len(twice) - 1))  # count every row

    # T: unfinished after the settling
    settled = ts(run["settledAt"])
    stranded_contacts = {}
    # a campaign that dials nothing: no attempt created in the last STRANDED_AFTER s before it settled (slow is not stuck)
    last_created = max((ts(a["created_at"]) for a in attempts), default=None)
    idle = last_created is None or last_created < settled - dt.timedelta(seconds=STRANDED_AFTER)
    for a in attempts:
        if a["state"] >= 100:
            continue
        call = sim.get(a["call_sid"])
        live = call is not None and not call["final"]
        age = (now - ts(a["created_at"])).total_seconds()
        if not live and age > STRANDED_AFTER:
            why = "no call" if a["call_sid"] is None else f"its call {a['call_sid']} is {call['status'] if call else 'unknown to the simulator'}"
            stranded_contacts[a["contact_id"]] = f"attempt {a['id']} state {a['state']} for {age:.0f} s, {why}; error {a['error']!r}"
    for k in contacts:
        if k["status"] == "Dialing" and k["id"] not in stranded_contacts:
            live = [a for a in by_contact.get(k["id"], []) if a["state"] < 100]
            if not live:
                stranded_contacts[k["id"]] = "contact Dialing with every attempt final"
        due = k["status"] == "Pending" and (k["next_attempt_at"] is None or ts(k["next_attempt_at"]) < settled - dt.timedelta(seconds=STRANDED_AFTER))
        callable_now = window_open(settings["callingWindow"], contact_zones(k), settled) and not (run.get("windowClosesAt") and settled >= ts(run["windowClosesAt"]))
        if due and idle and callable_now and k["id"] not in stranded_contacts:  # (the run stops each campaign once it settled)
            stranded_contacts[k["id"]] = f"contact Pending and due ({k['next_attempt_at']}) while its campaign dialed nothing for {STRANDED_AFTER} s"
    ev["T"] = [f"contact {cid}: {why}" for cid, why in stranded_contacts.items()]

    # H: outside the window in force, or after do-not-call
    window0 = dict(settings["callingWindow"])
    closes = ts(run.get("windowClosesAt"))
    for k in contacts:
        zones = contact_zones(k)
        for x in calls_by_number.get(k["phone"], []):
            for label, at in (("created", ts(x["createdAt"])), ("answered", ts(x["answeredAt"]))):
                if at is None:
                    continue
                w = window0 if not closes else dict(window0, end="21:00")  # the window before the run narrowed it
                open_now = window_open(w, zones, at) and not (closes and at >= closes)
                if not open_now:
                    ev["H"].append(f"contact {k['id']} {k['phone']} ({','.join(sorted(zones))}): call {x['sid']} {label} at {at.isoformat()} outside the window")
                    break
            added = dnc.get(k["phone"])
            if added and ts(x["createdAt"]) > added + dt.timedelta(seconds=DNC_GRACE):
                ev["H"].append(f"contact {k['id']} {k['phone']}: call {x['sid']} created {x['createdAt']} after do-not-call ({added.isoformat()})")

    # Q and the abandon ledger, from the simulator's side
    # the campaign's message, or Twilio:FallbackMessage when the answer could not be handled (the database down)
    messages = [len(settings["safeHarbourMessage"]), len(FALLBACK_MESSAGE)]
    truth = 0
    for sid, x in sim.items():
        if x["plannedOutcome"] != "Human" or not x["answeredAt"]:
            continue
        answered = ts(x["answeredAt"])
        heard = []
        said = next((n for n in messages if f"Say ({n} chars)" in x["trail"]), None)
        if said and x["endTime"]:
            # the opt-out Gather waits its timeout after the message before the call ends
            waited = max((int(t[len("Gather (no input, "):-2]) for t in x["trail"] if t.startswith("Gather (no input, ")),
                         default=0)
            spoken = said * SAY_MS_PER_CHAR + waited * 1000
            heard.append(("message", ts(x["endTime"]) - dt.timedelta(milliseconds=spoken * TWIML_SCALE)))
        agent_at = agent_heard_at(conferences, sid)
        if agent_at:
            heard.append(("agent", agent_at))
        first = min(heard, key=lambda h: h[1]) if heard else None
        silence = (first[1] - answered).total_seconds() if first else ((ts(x["endTime"]) or now) - answered).total_seconds()
        attempt = next((a["id"] for a in attempts if a["call_sid"] == sid), "no attempt")
        if first is None or silence > SILENCE_BOUND:
            ev["Q"].append(f"call {sid} (attempt {attempt}) to {x['to']}: answered by a person at {x['answeredAt']}, "
                           + (f"first heard the {first[0]} after {silence:.1f} s" if first else f"heard nobody for {silence:.1f} s; trail: {'; '.join(x['trail'])}"))
        if (first and first[0] == "message") or first is None or silence > SILENCE_BOUND:
            truth += 1
    engine = sum(1 for a in attempts if a["abandoned"])
    if engine != truth:
        ev["ledger"].append(f"engine counts {engine} abandoned, the simulator's truth is {truth}")
    return ev, engine, truth


def agent_heard_at(conferences, sid):
    """When the customer's call (sid) first heard an agent in a conference, from the simulator's hearing history."""
    best = None
    for conf in conferences.get(sid, []):
        agents = {p["callSid"] for p in conf.get("participants", []) if str(p.get("role")) in ("Agent", "agent", "1")}
        for h in conf.get("hearingHistory", []):
            if any(e["listener"] == sid and e["speaker"] in agents for e in h.get("earshots", [])):
                at = ts(h["at"])
                if best is None or at < best:
                    best = at
    return best


def index_sim(calls, conferences_raw):
    by_number, conferences = {}, {}
    for x in calls:
        if x["to"].startswith("+") and not x["to"].startswith(AGENT_PREFIX):
            by_number.setdefault(x["to"], []).append(x)
    for conf in conferences_raw:
        for p in conf.get("participants", []):
            if p.get("callSid"):
                conferences.setdefault(p["callSid"], []).append(conf)
    return by_number, conferences


def result_of(args, run, by_number, conferences):
    ev, engine, truth = check_run(args, run, by_number, conferences)
    return dict(run=run, counts={k: len(ev[k]) for k in "DLTHQ"}, engine=engine, truth=truth,
                evidence={k: [l for l in v if l] for k, v in ev.items()})


def cmd_check_run(args):
    """Checks one run as soon as its campaign settled (a stranded attempt healed ten minutes later was still stranded)."""
    run = json.loads(args.run_json)
    by_number, conferences = index_sim(get_json(args.sim + "/sim/calls"), get_json(args.sim + "/sim/conferences"))
    r = result_of(args, run, by_number, conferences)
    json.dump(r, open(args.out, "w"))
    print(f"chaos:   checked: " + ", ".join(f"{k} {v}" for k, v in r["counts"].items()) + f"; abandoned {r['engine']}/{r['truth']}", file=sys.stderr)


def cmd_report(args):
    if args.manifest:  # every run checked now, against one record of calls
        runs = [json.loads(l) for l in open(args.manifest) if l.strip()]
        by_number, conferences = index_sim(json.load(open(args.calls)), json.load(open(args.conferences)))
        results = [result_of(args, run, by_number, conferences) for run in runs]
    else:
        results = [json.load(open(f)) for f in args.results]
    rows, totals, evidence = {}, dict(D=0, L=0, T=0, H=0, Q=0), []
    for res in results:
        run = res["run"]
        r = rows.setdefault(run["scenario"], dict(runs=0, D=0, L=0, T=0, H=0, Q=0, engine=0, truth=0))
        r["runs"] += 1; r["engine"] += res["engine"]; r["truth"] += res["truth"]
        for k in "DLTHQ":
            r[k] += res["counts"][k]; totals[k] += res["counts"][k]
        for k, label in (("D", "double dial"), ("L", "lost"), ("T", "stranded"), ("H", "out of hours"), ("Q", "silent"), ("ledger", "abandon ledger")):
            for line in res["evidence"][k][:8]:
                evidence.append(f"run {run['run']} {run['scenario']} (campaign {run['campaign']}): {label}: {line}")
    with open(args.evidence, "w") as f:
        f.write("\n".join(evidence) + "\n")
    print(f"{'scenario':<20} {'runs':>4} {'double':>6} {'lost':>5} {'strand':>6} {'hours':>5} {'silent':>6}  abandoned engine/sim")
    for s, r in rows.items():
        print(f"{s:<20} {r['runs']:>4} {r['D']:>6} {r['L']:>5} {r['T']:>6} {r['H']:>5} {r['Q']:>6}  {r['engine']}/{r['truth']}")
    if evidence:
        print(f"\nevidence ({args.evidence}), first lines:")
        for line in evidence[:40]:
            print("  " + line[:400])
    print(f"chaos: {len(rows)} scenarios, {len(results)} runs; double dials {totals['D']}, lost {totals['L']}, "
          f"stranded {totals['T']}, out of hours {totals['H']}, silent {totals['Q']}")
    sys.exit(0 if not any(totals.values()) else 1)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--db", default=os.environ.get("DIALER_DB_NAME", "dialer_chaos"))
    p.add_argument("--sim", default="http://127.0.0.1:5390")
    sub = p.add_subparsers(dest="cmd", required=True)
    sub.add_parser("zones")
    g = sub.add_parser("gen"); g.add_argument("--run", type=int, required=True); g.add_argument("--rows", type=int, required=True); g.add_argument("--zones", required=True)
    d = sub.add_parser("dnc-pick"); d.add_argument("--csv", required=True)
    i = sub.add_parser("inflight"); i.add_argument("--campaign", required=True); i.add_argument("--at-least", type=int, default=3)
    a = sub.add_parser("answering"); a.add_argument("--campaign", required=True)
    k = sub.add_parser("count"); k.add_argument("--campaign", required=True)
    s = sub.add_parser("settle"); s.add_argument("--campaign", required=True); s.add_argument("--timeout", type=int, default=240)
    w = sub.add_parser("close-window"); w.add_argument("--zone", required=True); w.add_argument("--minutes", type=int, default=1); w.add_argument("--out", required=True)
    c = sub.add_parser("check-run"); c.add_argument("--run-json", required=True); c.add_argument("--out", required=True)
    r = sub.add_parser("report"); r.add_argument("--results", nargs="*"); r.add_argument("--manifest"); r.add_argument("--calls")
    r.add_argument("--conferences"); r.add_argument("--evidence", required=True)
    args = p.parse_args()
    {"zones": cmd_zones, "gen": cmd_gen, "dnc-pick": cmd_dnc_pick, "inflight": cmd_inflight, "answering": cmd_answering, "count": cmd_count,
     "settle": cmd_settle, "check-run": cmd_check_run, "close-window": cmd_close_window, "report": cmd_report}[args.cmd](args)


if __name__ == "__main__":
    main()
