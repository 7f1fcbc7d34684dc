# The demo's CRM: a small receiver (ops/lib/webhook-receiver.py) registered for every event of every campaign, and
# what it heard. Needs common.sh and demo-floor.sh (as, json_field, wait_http) and $API, $KEY.

HOOKS_PORT=${DIALER_WEBHOOK_PORT:-5095}
HOOKS_DESCRIPTION="demo receiver"

start_webhook_receiver() {
  WEBHOOK_SECRET=$(python3 -c 'import secrets; print("whsec_" + secrets.token_urlsafe(32))')
  WEBHOOK_PATH="/hooks/$(python3 -c 'import secrets; print(secrets.token_hex(8))')" # this run's own address
  ( export WEBHOOK_SECRET WEBHOOK_PATH; exec setsid python3 ops/lib/webhook-receiver.py "$HOOKS_PORT" ) \
    >ops/.run/webhook-receiver.log 2>&1 &
  echo $! >ops/.run/webhook-receiver.pid
  wait_http webhook-receiver "http://127.0.0.1:$HOOKS_PORT/summary" 20
}

# earlier runs' subscriptions hold other secrets: gone before this run registers its own; and this run's goes as it
# ends, with its receiver (left, it would pile up deliveries for a day for anything else run on this database)
remove_demo_webhooks() {
  local id
  for id in $(as "$KEY" GET /api/webhooks 2>/dev/null | python3 -c 'import json,sys
for s in json.loads(sys.stdin.read().strip() or "[]"):
    if s.get("description") == sys.argv[1]: print(s["id"])' "$HOOKS_DESCRIPTION"); do
    as "$KEY" DELETE "/api/webhooks/$id" >/dev/null 2>&1 || true
  done
}

# prints the subscription's id; the admin's, for every campaign (and so the global do-not-call list too)
register_demo_webhook() {
  as "$KEY" POST /api/webhooks -d @- <<JSON | json_field id
{ "url": "http://127.0.0.1:$HOOKS_PORT$WEBHOOK_PATH", "secret": "$WEBHOOK_SECRET", "description": "$HOOKS_DESCRIPTION",
  "events": ["call.answered", "call.ended", "disposition.set", "contact.done", "campaign.state_changed",
             "do_not_call.added"] }
JSON
}

# webhook_report SUBSCRIPTION: waits (up to a minute) for its last deliveries, then prints what the receiver heard;
# status 1 when a delivery is still pending, a signature failed, an event came twice or a contact's out of order
webhook_report() {
  local pending=1
  for _ in $(seq 1 60); do
    pending=$(as "$KEY" GET "/api/webhooks/$1/deliveries?state=Pending&pageSize=1" | json_field total)
    [ "$pending" = 0 ] && break; sleep 1
  done
  python3 - "$(curl -fsS "http://127.0.0.1:$HOOKS_PORT/summary")" "$pending" <<'PY'
import json, sys
s, pending = json.loads(sys.argv[1]), int(sys.argv[2])
counts = ", ".join(f"{k} {v}" for k, v in sorted(s["events"].items()))
signatures = "all valid" if s["badSignatures"] == 0 else f"{s['badSignatures']} INVALID"
print(f"  webhooks: the demo receiver heard {s['received']} events about {s['contacts']} contacts ({counts}); "
      f"signatures {signatures}, {s['heardTwice']} heard twice, {s['outOfOrder']} out of order per contact, "
      f"{pending} still pending; {s['strays']} for earlier runs' subscriptions refused")
sys.exit(0 if s["received"] > 0 and s["badSignatures"] == s["heardTwice"] == s["outOfOrder"] == pending == 0 else 1)
PY
}
