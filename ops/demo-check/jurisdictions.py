#!/usr/bin/env python3
"""An independent check of the calls the Twilio simulator recorded, against the shipped rule data.

  jurisdictions.py check --sim URL [--dnc NUMBER]... [--since ISO]   reads GET URL/sim/calls
  jurisdictions.py check --record FILE [--dnc NUMBER]...             reads a saved /sim/calls answer
  jurisdictions.py zones                                             the demo zones open now (and for the next hour)

For every call created to a customer (agents' lines, +1202555..., left out) it finds the number's place (its country
from the calling code; in North America its area code's state or province, from nanp-area-codes.csv), its local time
(the demo generator's numbers: each prefix is one zone) and checks that every shipped rule set binding that place
(default.json, the country's, the state's or province's) had its calling hours open on that day at the minute the call
was created, and that the number is not the demo's do-not-call entry. It prints `jurisdictions: calls C, violations V`
and exits 1 when V > 0. Holidays come from a .NET package, not the JSON, and are not checked here; the zone selection
leaves Madrid out on Spain's national holidays instead.
"""
import argparse
import csv
import datetime as dt
import json
import pathlib
import sys
import urllib.request
from zoneinfo import ZoneInfo

DATA = pathlib.Path(__file__).resolve().parents[2] / "Dialer.Core" / "Compliance" / "Rules" / "Data"
AGENT_PREFIX = "+1202555"
# the countries with shipped rules (and the NANP's +1), by calling code; any other number binds the default rules only
CALLING_CODES = {"44": "GB", "34": "ES", "52": "MX"}
US_TERRITORIES = {"PR", "GU", "VI", "AS", "MP"}
# the generator's numbers, prefix -> zone (ops/lib/gen-contacts.awk): the longest prefix wins
ZONES = {
    "+1212": "America/New_York", "+1312": "America/Chicago", "+1303": "America/Denver",
    "+1415": "America/Los_Angeles", "+1808": "Pacific/Honolulu", "+44207": "Europe/London",
    "+4930": "Europe/Berlin", "+91802": "Asia/Kolkata", "+6562": "Asia/Singapore", "+8135": "Asia/Tokyo",
    "+6129": "Australia/Sydney", "+649": "Pacific/Auckland", "+1416": "America/Toronto", "+3491": "Europe/Madrid",
    "+1305": "America/New_York", "+1407": "America/New_York",
    # the generator's area codes when it is given no zones
    "+1512": "America/Chicago", "+1617": "America/New_York", "+1702": "America/Los_Angeles",
    "+1907": "America/Anchorage", "+1206": "America/Los_Angeles", "+1404": "America/New_York",
    "+1602": "America/Phoenix", "+1718": "America/New_York", "+1919": "America/New_York",
}
# the demo's zones (a token per kind of number the generator makes) and the place each stands for
DEMO_ZONES = [
    ("America/New_York", "US"), ("America/Chicago", "US"), ("America/Denver", "US"), ("America/Los_Angeles", "US"),
    ("Pacific/Honolulu", "US"), ("Europe/London", "GB"), ("Europe/Berlin", "DE"), ("Asia/Kolkata", "IN"),
    ("Asia/Singapore", "SG"), ("Asia/Tokyo", "JP"), ("Australia/Sydney", "AU"), ("Pacific/Auckland", "NZ"),
    ("America/Toronto", "CA-ON"), ("Europe/Madrid", "ES"), ("Florida", "US-FL"),
]
TOKEN_ZONE = {"Florida": "America/New_York"}
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def load_rules(data=DATA):
    """jurisdiction code -> list of (days, start, end) windows, for the rule sets that set hours."""
    rules = {}
    for f in sorted(data.glob("*.json")):
        r = json.loads(f.read_text())
        if "hours" in r:
            rules[r["jurisdiction"]] = [(set(w["days"]), w["start"], w["end"]) for w in r["hours"]["windows"]]
    return rules


def load_nanp(data=DATA):
    table = {}
    with open(data / "nanp-area-codes.csv") as f:
        for row in csv.reader(l for l in f if not l.startswith("#")):
            if len(row) == 3 and row[0].isdigit():
                table[row[0]] = (row[1], row[2].split())
    return table


def place(phone, nanp):
    """The jurisdictions a number is in: its country, then each state or province its area code may be in."""
    if phone.startswith("+1"):
        region, subs = nanp.get(phone[2:5], ("US", []))
        if region in US_TERRITORIES:
            return ["US", "US-" + region]
        return [region] + [f"{region}-{s}" for s in subs]
    for n in (1, 2, 3):
        if phone[1:1 + n] in CALLING_CODES:
            return [CALLING_CODES[phone[1:1 + n]]]
    return []


def zone_of(phone):
    best = max((p for p in ZONES if phone.startswith(p)), key=len, default=None)
    return ZONES[best] if best else None


def binding(jurisdictions, rules):
    """Every rule set with hours that binds: the default, then the countries and subdivisions named."""
    codes = ["default"] + [c for j in jurisdictions for c in (j.split("-")[0], j)]
    return [c for c in dict.fromkeys(codes) if c in rules]


def closed_by(jurisdictions, local, rules):
    """The first binding rule set whose hours are closed at this local time, or None."""
    day, hm = DAYS[local.weekday()], local.strftime("%H:%M")
    for code in binding(jurisdictions, rules):
        if not any(day in days and start <= hm < end for days, start, end in rules[code]):
            return code
    return None


def mask(phone):
    return phone[:5] + "*" * max(0, len(phone) - 8) + phone[-3:]


def check(calls, dnc, rules, nanp, since=None):
    """(calls checked, violations as lines, calls by place)."""
    checked, violations, by_place = 0, [], {}
    for c in calls:
        to = c["to"]
        if not to.startswith("+") or to.startswith(AGENT_PREFIX):
            continue
        created = dt.datetime.fromisoformat(c["createdAt"].replace("Z", "+00:00"))
        if since and created < since:
            continue
        checked += 1
        where = place(to, nanp)
        subdivisions = [j for j in where if "-" in j]
        # a country without a rule set of its own is held to the default one
        key = subdivisions[0] if len(subdivisions) == 1 else where[0] if where else "elsewhere (default rules)"
        by_place[key] = by_place.get(key, 0) + 1
        if to in dnc:
            violations.append(f"{mask(to)} at {created:%Y-%m-%dT%H:%M:%SZ}: on the do-not-call list")
            continue
        zone = zone_of(to)
        if zone is None:
            violations.append(f"{mask(to)}: no known zone for the number, its hours cannot be checked")
            continue
        local = created.astimezone(ZoneInfo(zone))
        if code := closed_by(where, local, rules):
            violations.append(f"{mask(to)} at {local:%a %H:%M} {zone}: outside {code}'s calling hours")
    return checked, violations, by_place


# Spain's national holidays (the ES rule closes on them; the engine's calendar is the PublicHoliday package): the
# fixed ones, Good Friday, and the Monday after one that falls on a Sunday, since a region may move it there
def spanish_holiday(day):
    fixed = {(1, 1), (1, 6), (5, 1), (8, 15), (10, 12), (11, 1), (12, 6), (12, 8), (12, 25)}
    if (day.month, day.day) in fixed:
        return True
    yesterday = day - dt.timedelta(days=1)
    if day.weekday() == 0 and (yesterday.month, yesterday.day) in fixed:
        return True
    return day == easter(day.year) - dt.timedelta(days=2)


def easter(year):
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def open_zones(now, rules, margin=dt.timedelta(hours=1)):
    """The demo's zones whose local hour is 9-19 now and whose place's rules stay open for the next hour."""
    out = []
    for token, jurisdiction in DEMO_ZONES:
        zone = ZoneInfo(TOKEN_ZONE.get(token, token))
        local = now.astimezone(zone)
        if not 9 <= local.hour < 19:
            continue
        if any(closed_by([jurisdiction], (now + t).astimezone(zone), rules) for t in (dt.timedelta(0), margin)):
            continue
        if jurisdiction == "ES" and spanish_holiday(local.date()):
            continue
        out.append(token)
    return out


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("check")
    c.add_argument("--sim")
    c.add_argument("--record")
    c.add_argument("--dnc", action="append", default=[])
    c.add_argument("--since")
    sub.add_parser("zones")
    args = p.parse_args(argv)
    rules = load_rules()
    if args.cmd == "zones":
        print(" ".join(open_zones(dt.datetime.now(dt.timezone.utc), rules)))
        return 0
    if args.record:
        calls = json.loads(pathlib.Path(args.record).read_text())
    else:
        with urllib.request.urlopen(args.sim.rstrip("/") + "/sim/calls", timeout=30) as r:
            calls = json.load(r)
    since = dt.datetime.fromisoformat(args.since.replace("Z", "+00:00")) if args.since else None
    checked, violations, by_place = check(calls, set(args.dnc), rules, load_nanp(), since)
    for v in violations[:20]:
        print(f"  violation: {v}")
    print("  simulator's calls by place: " + ", ".join(f"{k} {v}" for k, v in sorted(by_place.items())))
    print(f"jurisdictions: calls {checked}, violations {len(violations)}")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
