# The demo's team lists: two lists uploaded once to the team and attached to the campaign beside its own import, the
# second first (priority 0) and the first after it (priority 1); at the end, each list's figures and what recycling
# its no-answers next week would touch. Needs common.sh and demo-floor.sh (as, json_field) and $KEY.

DEMO_LISTS=()

# attach_demo_lists CAMPAIGN ROWS ZONES: ROWS generated contacts per list, in ZONES (Spanish numbers left out: a list
# keeps no consent columns, and Spain asks consent for every call)
attach_demo_lists() {
  local campaign=$1 rows=$2 zones=${3//Europe\/Madrid/} name seed priority=1 list csv
  for name in "Spring fair leads" "Win-back customers"; do
    seed=$((11 + priority))
    list=$(as "$KEY" POST /api/lists -d "{\"name\":\"Demo: $name $(date -u +%H:%M:%S)\",\"defaultRegion\":\"US\"}" \
      | json_field id)
    csv=$(mktemp --suffix .csv)
    # another seed: other numbers (a number the campaign has already is counted, not added twice)
    awk -v rows="$rows" -v seed="$seed" -v zones="$zones" -f ops/lib/gen-contacts.awk >"$csv"
    as "$KEY" POST "/api/lists/$list/upload" -H 'Content-Type: text/csv' --data-binary @"$csv" >/dev/null
    rm -f "$csv"
    as "$KEY" POST "/api/campaigns/$campaign/lists/$list" -d "{\"active\":true,\"priority\":$((priority % 2))}" \
      | python3 -c 'import json,sys
a = json.load(sys.stdin)
print(f"demo: list \"{a["name"]}\" attached (priority {a["priority"]}): {a["added"]} contacts added, "
      f"{a["alreadyInCampaign"]} already in the campaign, {a["suppressed"]} on do-not-call")'
    DEMO_LISTS+=("$list")
    priority=$((priority + 1))
  done
}

# lists_report CAMPAIGN: each attached list's contacts by how they ended, and the no-answers a recycle would make due
lists_report() {
  local campaign=$1 list preview
  for list in "${DEMO_LISTS[@]}"; do
    preview=$(as "$KEY" POST "/api/campaigns/$campaign/lists/$list/recycle/preview" \
      -d '{"lastOutcome":["no-answer","busy"]}' | json_field contacts) || preview="?"
    as "$KEY" GET "/api/lists/$list" | python3 -c 'import json,sys
l = json.load(sys.stdin)
print(f"  list \"{l["name"]}\": {l["rowCount"]} rows uploaded once ({l["rejectedCount"]} rejected), attached to "
      f"{len(l.get("campaigns") or [])} campaign(s); recycling its no-answers and busies next week would make "
      f"{sys.argv[1]} due again")' "$preview"
  done
}
