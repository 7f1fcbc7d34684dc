#!/usr/bin/env python3
"""A CRM's end of Dialer's outbound webhooks, for the demo: checks every POST's signature, counts what came.

    WEBHOOK_SECRET=... WEBHOOK_PATH=/hooks/<run> python3 ops/lib/webhook-receiver.py PORT

POST WEBHOOK_PATH takes a delivery (204); a POST to any other path is a stray (404, counted apart): a delivery still
pending for an earlier run's subscription, which holds another secret, must not count as a bad signature of this one; GET /summary answers with the counts by event, the signatures that failed, the
events heard twice and the contacts whose events came out of order. Verifying a signature, as docs/webhooks.md says:
Dialer-Signature is "t=<unix seconds>,v1=<hex>", where hex is HMAC-SHA256(secret, "<t>.<raw body>").
"""
import hashlib, hmac, json, os, sys, threading, time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SECRET = os.environ["WEBHOOK_SECRET"].encode()
PATH = os.environ.get("WEBHOOK_PATH", "/hooks")
TOLERANCE_SECONDS = 300
lock = threading.Lock()
events, bad_signatures, repeats, out_of_order, strays = Counter(), 0, 0, 0, 0
seen_events, last_delivery_of_contact = set(), {}


def signature_valid(header, body):
    parts = dict(p.split("=", 1) for p in header.split(",") if "=" in p)
    t, v1 = parts.get("t", ""), parts.get("v1", "")
    if not t.isdigit() or abs(time.time() - int(t)) > TOLERANCE_SECONDS:
        return False
    expected = hmac.new(SECRET, t.encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, v1)


class Hooks(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: the sender POSTs many at once over pooled connections

    def do_POST(self):
        global bad_signatures, repeats, out_of_order, strays
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path != PATH:
            with lock:
                strays += 1
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        valid = signature_valid(self.headers.get("Dialer-Signature", ""), body)
        event = json.loads(body)
        delivery = int(self.headers.get("Dialer-Delivery", 0))
        with lock:
            if not valid:
                bad_signatures += 1
            events[event["type"]] += 1
            if event["id"] in seen_events:
                repeats += 1
            seen_events.add(event["id"])
            contact = event.get("contactId")
            if contact is not None:
                if last_delivery_of_contact.get(contact, 0) > delivery:
                    out_of_order += 1
                last_delivery_of_contact[contact] = delivery
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        with lock:
            summary = {"received": sum(events.values()), "events": dict(events), "badSignatures": bad_signatures,
                       "heardTwice": repeats, "outOfOrder": out_of_order, "strays": strays, "contacts": len(last_delivery_of_contact)}
        payload = json.dumps(summary).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):  # the bodies carry phone numbers (do_not_call.added): nothing is logged
        pass


class Server(ThreadingHTTPServer):
    request_queue_size = 128  # the sender opens up to a batch of connections at once
    daemon_threads = True


if __name__ == "__main__":
    Server(("127.0.0.1", int(sys.argv[1])), Hooks).serve_forever()
