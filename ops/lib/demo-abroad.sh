# The demo's customers abroad, whatever the hour: a small agentless campaign of Toronto (Ontario), Madrid (Spain) and
# Florida numbers, each with the prior consent to recorded calls their rules ask for. While their own calling hours are shut the engine
# holds them until those hours open, and the report counts them as waiting, not dialed: the law at work. While open
# they are called, and ops/demo-check/jurisdictions.py checks each call with the main campaign's.

# start_abroad_campaign: prints the campaign's id
start_abroad_campaign() {
  local id csv
  id=$(api POST /api/campaigns -H 'Content-Type: application/json' -d @- <<JSON | json_field id
{ "name": "Demo: customers abroad $(date -u +%H:%M:%S)", "callerId": "+14155550100", "mode": "agentless",
  "callingWindow": { "start": "08:00", "end": "21:00", "days": ["monday","tuesday","wednesday","thursday","friday","saturday","sunday"] },
  "maxAttempts": 1, "maxAttemptsPer24Hours": 1,
  "broadcastMessage": "This is Dialer Demo Co. with your winter offer. Call 415 555 0100 to hear more. To not be called again, press 9.",
  "safeHarbourMessage": "This is Dialer Demo Co. calling about your winter offer. Call us back on 415 555 0100. To not be called again, press 9." }
JSON
) || return 1
  csv=$(mktemp --suffix .csv)
  # a recorded offer needs each customer's consent to recorded calls (Ontario's, Florida's and Spain's rules): these
  # customers gave it on a web form
  awk -v rows=24 -v seed="$((DEMO_SEED + 21))" -v zones="America/Toronto Europe/Madrid Florida" -f ops/lib/gen-contacts.awk \
    | python3 -c 'import csv,sys
rows = csv.DictReader(sys.stdin); out = csv.DictWriter(sys.stdout, rows.fieldnames, lineterminator="\n")
out.writeheader()
for r in rows:
    r.update(consent="prerecorded", consent_source="web form", consent_at="2026-01-15",
             consent_text="I agree to recorded calls about offers")
    out.writerow(r)' >"$csv"
  api POST "/api/campaigns/$id/contacts" -H 'Content-Type: text/csv' --data-binary @"$csv" >/dev/null || return 1
  rm -f "$csv"
  api POST "/api/campaigns/$id/start" >/dev/null || return 1
  echo "$id"
}

# jurisdictions_report CAMPAIGN: its calls by place (the Api's report), with the contacts held for their hours
jurisdictions_report() {
  api GET "/api/campaigns/$1/jurisdictions" | python3 -c 'import json,sys
print("    place    contacts   dialed  answered  refused  waiting  (why refused; when the first waiting one is due)")
for r in json.load(sys.stdin)["jurisdictions"]:
    place, n, d, a, x, w = (r[k] for k in ("jurisdiction", "contacts", "dialed", "answered", "refused", "waiting"))
    notes = [f"{k} {v}" for k, v in r["refusals"].items()]
    if w: notes.append("first due " + r["nextDueAt"][:16].replace("T", " ") + " UTC")
    print(f"    {place:<8} {n:>8} {d:>8} {a:>9} {x:>8} {w:>8}" + (f"  ({chr(59).join(notes)})" if notes else ""))'
}
