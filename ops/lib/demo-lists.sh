# The demo's team lists: two lists uploaded once to the team and attached to the campaign beside its own import, the
# second first (priority 0) and the first after it (priority 1); at the end, each list's figures and what recycling
# its no-answers next week would touch, then one list's no-answers recycled for real (recycle_demo_list). Needs
# common.sh and demo-floor.sh (as, json_field) and $KEY.

DEMO_LISTS=()

# attach_demo_lists CAMPAIGN ROWS ZONES: ROWS generated contacts per list, in ZONES (Spanish numbers left out: a list
# keeps no consent columns, and Spain asks consent for every call)
attach_demo_lists() {
  local campaign=$1 rows=$2 zones=${3//Europe\/Madrid/} name seed priority=1 list csv attached
  for name in "Spring fair leads" "Win-back customers"; do
    seed=$((DEMO_SEED + 11 + priority))
    list=$(as "$KEY" POST /api/lists -d "{\"name\":\"Demo: $name $(date -u +%H:%M:%S)\",\"defaultRegion\":\"US\"}" \
      | json_field id)
    csv=$(mktemp --suffix .csv)
    # another seed: other numbers (a number the campaign has already is counted, not added twice)
    awk -v rows="$rows" -v seed="$seed" -v zones="$zones" -f ops/lib/gen-contacts.awk >"$csv"
    as "$KEY" POST "/api/lists/$list/upload" -H 'Content-Type: text/csv' --data-binary @"$csv" >/dev/null
    rm -f "$csv"
    attached=$(as "$KEY" POST "/api/campaigns/$campaign/lists/$list" -d "{\"active\":true,\"priority\":$((priority % 2))}")
    python3 - "$attached" <<'PY'
import json, sys
a = json.loads(sys.argv[1])
print(f"demo: list '{a['name']}' attached (priority {a['priority']}): {a['added']} contacts added, "
      f"{a['alreadyInCampaign']} already in the campaign, {a['suppressed']} on do-not-call")
PY
    DEMO_LISTS+=("$list")
    priority=$((priority + 1))
  done
}

# lists_report CAMPAIGN: each list's rows and campaigns, and the no-answers a recycle would make due again
lists_report() {
  local campaign=$1 list preview
  for list in "${DEMO_LISTS[@]}"; do
    preview=$(as "$KEY" POST "/api/campaigns/$campaign/lists/$list/recycle/preview" \
      -d '{"lastOutcome":["no-answer","busy"]}' | json_field contacts) || preview="?"
    python3 - "$(as "$KEY" GET "/api/lists/$list")" "$preview" <<'PY'
import json, sys
l = json.loads(sys.argv[1])
print(f"  list '{l['name']}': {l['rowCount']} rows uploaded once ({l['rejectedCount']} rejected), attached to "
      f"{len(l.get('campaigns') or [])} campaign(s); recycling its no-answers and busies next week would make "
      f"{sys.argv[2]} due again")
PY
  done
}

# recycle_demo_list CAMPAIGN: after the lists' first pass, the first list's no-answers and busies made due again through
# the API, the preview asked first with the same filter; prints both counts and fails (status 1) when they differ. The
# campaign has completed by then, so nothing is dialed again: the contacts wait, due, for a restart.
recycle_demo_list() {
  local campaign=$1 list=${DEMO_LISTS[0]} filter='{"lastOutcome":["no-answer","busy"]}' preview recycled
  preview=$(as "$KEY" POST "/api/campaigns/$campaign/lists/$list/recycle/preview" -d "$filter" | json_field contacts) \
    || { say "demo: the recycle preview did not answer"; return 1; }
  recycled=$(as "$KEY" POST "/api/campaigns/$campaign/lists/$list/recycle" -d "$filter" | json_field contacts) \
    || { say "demo: the recycle did not answer"; return 1; }
  echo "  recycled: $recycled contacts (the list's no-answers and busies, due again as retries); the preview counted" \
    "$preview: $([ "$preview" = "$recycled" ] && echo "equal" || echo "NOT equal")"
  [ "$preview" = "$recycled" ]
}
