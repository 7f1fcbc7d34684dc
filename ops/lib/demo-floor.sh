# The demo's floor work beside the predictive campaign: a manager supervises a live call from the agent wall, and
# an agent works a preview campaign (claims the next contact, dials it, takes the call). Sourced by ops/demo, which
# defines API, KEY, json_field and say. Each function prints one line for the report and fails when its part failed.

# key_for ROLE NAME: a new user of that role; prints their API key
key_for() { key_json "$1" "$2" | json_field apiKey; }

# agent_for NAME CAMPAIGN...: a new agent user, assigned to the campaigns (an agent logs in to assigned ones only);
# prints their API key
agent_for() {
  local name=$1 created agent campaign; shift
  created=$(key_json agent "$name") || return 1
  agent=$(json_field agentId <<<"$created")
  for campaign in "$@"; do as "$KEY" PUT "/api/campaigns/$campaign/agents/$agent" >/dev/null || return 1; done
  json_field apiKey <<<"$created"
}

# key_json ROLE NAME: a new user of that role; prints the created user (its key, and its agent id for an agent)
key_json() {
  curl -fsS -X POST -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$2\",\"role\":\"$1\"}" "$API/api/users"
}

# as KEY METHOD PATH [curl args]: the API as that user; a body is JSON unless the args say otherwise
as() {
  local key=$1 method=$2 path=$3; shift 3
  case " $* " in *"Content-Type"*) ;; *) set -- -H 'Content-Type: application/json' "$@" ;; esac
  curl -fsS -X "$method" -H "X-Api-Key: $key" "$@" "$API$path"
}

# supervise_a_live_call MANAGER_KEY CAMPAIGN: from the wall, listen to a live call of the campaign, whisper to its agent, leave
supervise_a_live_call() {
  local manager=$1 campaign=$2 agent session modes line
  # a manager supervises from their own browser phone only (or the phone an admin registered for them)
  line="client:$(as "$manager" GET /api/users/me | json_field clientIdentity)"
  for _ in $(seq 1 20); do
    agent=$(as "$manager" GET /api/agents/wall | python3 -c 'import json,sys
print(next((a["agentId"] for a in json.load(sys.stdin)["agents"] if a["state"] == "OnCall" and sys.argv[1] in a["campaignIds"]), ""))' "$campaign")
    if [ -n "$agent" ] && session=$(as "$manager" POST "/api/agents/$agent/supervision" -d "{\"mode\":\"listen\",\"to\":\"$line\"}" 2>/dev/null | json_field id 2>/dev/null) \
       && as "$manager" PATCH "/api/agents/$agent/supervision/$session" -d '{"mode":"whisper"}' >/dev/null 2>&1 \
       && as "$manager" DELETE "/api/agents/$agent/supervision/$session" >/dev/null 2>&1; then
      modes=$(as "$manager" GET "/api/agents/$agent/supervision/$session" | python3 -c 'import json,sys
v = json.load(sys.stdin)
print(" then ".join(m["mode"] for m in v["modes"]) + " on call " + v["attemptId"][:8] + ", left: " + str(v["endReason"]))')
      echo "supervision: the floor manager joined an agent's live call: $modes"
      return 0
    fi
    sleep 2 # no agent on a call this moment, or the call ended between the wall and the join: try another
  done
  echo "supervision: FAILED: could not supervise a live call"
  return 1
}

# work_a_preview_campaign ZONE: a preview campaign of three contacts, worked by one agent from claim to call
work_a_preview_campaign() {
  local zone=$1 campaign agent card contact attempt state
  campaign=$(as "$KEY" POST /api/campaigns -d @- <<JSON | json_field id
{ "name": "Demo: preview callbacks $(date -u +%H:%M:%S)", "callerId": "+14155550100", "mode": "preview",
  "callingWindow": { "start": "08:00", "end": "21:00", "days": ["monday","tuesday","wednesday","thursday","friday","saturday","sunday"] },
  "script": "Thank {{first_name}} for their interest in the winter offer." }
JSON
) || { echo "preview: FAILED: no campaign"; return 1; }
  # numbers of the zone itself: a stated zone only adds to the number's, it cannot stand in for it
  awk -v rows=3 -v seed="$((DEMO_SEED + 31))" -v zones="$zone" -f ops/lib/gen-contacts.awk \
    | awk -F, -v OFS=, 'NR == 1 { print "phone,name,timezone"; next }
        { split("Grace Hopper,Alan Turing,Ada Lovelace", who, ","); print $1, who[NR - 1], $3 }' \
    | as "$KEY" POST "/api/campaigns/$campaign/contacts" -H 'Content-Type: text/csv' --data-binary @- >/dev/null
  as "$KEY" POST "/api/campaigns/$campaign/start" >/dev/null
  agent=$(agent_for "Demo preview agent" "$campaign")
  as "$agent" POST /api/agent-console/login -d "{\"campaignIds\":[\"$campaign\"]}" >/dev/null
  as "$agent" POST /api/agent-console/line -d '{"kind":"phone","address":"+12025559999"}' >/dev/null
  for _ in $(seq 1 30); do [ "$(as "$agent" GET /api/agent-console/me | json_field state)" = available ] && break; sleep 0.5; done
  card=$(as "$agent" POST /api/agent-console/preview) || { echo "preview: FAILED: nothing to preview"; return 1; }
  contact=$(json_field contactId <<<"$card")
  attempt=$(as "$agent" POST /api/agent-console/preview/dial -d "{\"contactId\":$contact}" | json_field attemptId) || { echo "preview: FAILED: dial refused"; return 1; }
  for _ in $(seq 1 60); do
    state=$(as "$agent" GET /api/agent-console/me | json_field state)
    [ "$state" = available ] && [ "$(as "$KEY" GET "/api/campaigns/$campaign/summary" | json_field inFlight)" = 0 ] && break
    sleep 1
  done
  python3 - "$card" "$(as "$KEY" GET "/api/campaigns/$campaign/summary")" "$attempt" <<'PY'
import json, sys
card, s = json.loads(sys.argv[1]), json.loads(sys.argv[2])
outcomes = ", ".join(f"{k} {v}" for k, v in s["outcomes"].items()) or "none yet"
print(f"preview: the agent held {card['name']} ({card['localTimes'][0]['zone']}), dialed attempt {sys.argv[3][:8]}: "
      f"{s['callsPlaced']} call placed ({outcomes}), {s['bridged']} bridged to the agent who dialed")
PY
  [ "$(as "$KEY" GET "/api/campaigns/$campaign/summary" | json_field callsPlaced)" = 1 ] || { echo "preview: FAILED: expected exactly one call"; return 1; }
  as "$KEY" POST "/api/campaigns/$campaign/stop" >/dev/null || true
}

# log_out_floor MANAGER_KEY: the demo's agents go home, so that the next run's floor shows only its own
log_out_floor() {
  local manager=$1 id
  for id in $(as "$manager" GET /api/agents/wall 2>/dev/null | python3 -c 'import json,sys
for a in json.loads(sys.stdin.read().strip() or "{\"agents\": []}")["agents"]:
    if a["state"] != "Offline" and a["name"].startswith("Demo "): print(a["agentId"])'); do
    as "$manager" POST "/api/agents/$id/logout" -d '{"reason":"the demo is over"}' >/dev/null 2>&1 || true
  done
}

# stop_demo_campaigns: a demo interrupted earlier (Ctrl-C) leaves its campaigns running in the database; they would dial
# again beside this run's. Stops every running "Demo:" campaign.
stop_demo_campaigns() {
  local id
  for id in $(as "$KEY" GET "/api/campaigns?pageSize=100" 2>/dev/null | python3 -c 'import json,sys
d=json.loads(sys.stdin.read().strip() or "[]")
for c in (d["items"] if isinstance(d, dict) else d):
    if c["name"].startswith("Demo:") and c["status"] in ("running", "paused", "scheduled"): print(c["id"])'); do
    as "$KEY" POST "/api/campaigns/$id/stop" >/dev/null 2>&1 || true
  done
}

# agent_line_report CAMPAIGN SIM_PORT: the agents' lines (one call each, kept), answer → customer in the agent's room,
# and the campaign's recordings with the notice their customers heard
agent_line_report() {
  local campaign=$1 sim=$2 db=${DIALER_DB_NAME:-dialer}
  admin_psql -d "$db" -tA -F ' ' -c "SELECT count(*),
      round((1000 * percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM bridged_at - answered_at)))::numeric, 0),
      round((1000 * percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM bridged_at - answered_at)))::numeric, 0)
    FROM call_attempts WHERE campaign_id = '$campaign' AND bridged_at IS NOT NULL AND answered_at IS NOT NULL" | {
    read -r n p50 p99
    echo "answer → customer in the agent's room: p50 ${p50:-?} ms, p99 ${p99:-?} ms over $n calls (no ring, no second leg)"
  }
  curl -fsS "http://127.0.0.1:$sim/sim/agents" | python3 -c 'import json,sys
agents = [a for a in json.load(sys.stdin) if a["name"].startswith("+1202555")]
talked = sum(a.get("customersTalked", 0) for a in agents); still = sum(1 for a in agents if a.get("state") in ("in room", "talking"))
print(f"lines: {len(agents)} agents phoned once each at the start; {still} lines still open at the end; {talked} customers put into them")'
  admin_psql -d "$db" -tA -F ' ' -c "SELECT count(*) FILTER (WHERE status = 'Completed'), coalesce(sum(duration_seconds), 0),
      (SELECT attempt_id FROM call_recordings WHERE campaign_id = '$campaign' AND status = 'Completed' ORDER BY started_at LIMIT 1)
    FROM call_recordings WHERE campaign_id = '$campaign'" | {
    read -r recorded seconds example
    echo "recordings: $recorded calls recorded ($seconds s), each customer told \"This call may be recorded.\" as they joined; e.g. attempt ${example:0:8}"
  }
}

# script_report CAMPAIGN: the script's field its simulated agents fill as they set the disposition (the healer answers
# for them, docs/scripts.md): how many calls had it saved, of the calls dispositioned
script_report() {
  local campaign=$1 db=${DIALER_DB_NAME:-dialer}
  admin_psql -d "$db" -tA -F ' ' -c "SELECT count(*) FILTER (WHERE script_answers ? 'interest'),
      count(*) FILTER (WHERE disposition IS NOT NULL AND disposition <> 'none')
    FROM call_attempts WHERE campaign_id = '$campaign'" | {
    read -r saved disposed
    echo "script: ${saved:-0} calls had the field 'interest' saved with their disposition (of ${disposed:-0} dispositioned by an agent); exported as field_interest in results.csv"
    [ "${disposed:-0}" = 0 ] || [ "${saved:-0}" -gt 0 ] || echo "script: WARNING: no call had the script's field saved"
  }
}
