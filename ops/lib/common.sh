# Shared helpers for the ops scripts.

# The engine these scripts run on this machine uses appsettings.json's sample secrets (the demo's admin key, the
# simulator's Twilio account, guest/guest, the sample database password): Development is the one environment where the
# Api and the Worker accept them (docs/security.md).
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
say() { printf '%s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

docker_engine_running() { command -v docker >/dev/null && docker info >/dev/null 2>&1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg_answers() { if command -v pg_isready >/dev/null; then pg_isready -h 127.0.0.1 -p 5432 -q; else port_open 5432; fi; }

# the AMQP port opens only once the broker has booted
rabbit_answers() { port_open 5672; }

# psql as the server's superuser, whichever way the server runs
admin_psql() {
  if [ "${DIALER_SERVERS:-apt}" = docker ]; then docker compose -f ops/docker-compose.yml exec -T postgres psql -U postgres "$@"
  else as_postgres psql "$@"; fi
}

start_postgres() {
  local version
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
  [ -n "$version" ] || { say "setup: PostgreSQL is installed but has no cluster"; exit 1; }
  pg_answers || as_root pg_ctlcluster "$version" main start
}

start_rabbitmq() {
  rabbit_answers && return 0
  # a stale pid from an earlier container run would stop the node from starting
  as_root rabbitmq-server -detached >/dev/null 2>&1 || true
}

# A RabbitMQ virtual host of the caller's own (made when missing) for the services it starts: engines sharing a
# broker's "/" would route each other's events into each other's queues. Needs rabbitmqctl (the apt broker);
# with a broker in Docker the services stay on "/".
use_vhost() {
  command -v rabbitmqctl >/dev/null || return 0
  if ! as_root rabbitmqctl list_vhosts -q 2>/dev/null | grep -qx "$1"; then
    as_root rabbitmqctl add_vhost "$1" >/dev/null && as_root rabbitmqctl set_permissions -p "$1" guest '.*' '.*' '.*' >/dev/null
  fi
  export RabbitMq__VirtualHost=$1
}

wait_for() {
  local name=$1 seconds=$2; shift 2
  for _ in $(seq 1 "$seconds"); do "$@" && return 0; sleep 1; done
  say "setup: $name did not answer within ${seconds}s"; exit 1
}


# Runs a built project in the background from its output folder (so it finds its own appsettings.json).
# start_service NAME PROJECT_DIR DLL [args...]; its pid goes to ops/.run/NAME.pid, its log to ops/.run/NAME.log
start_service() {
  local name=$1 dir=$2 dll=$3; shift 3
  mkdir -p ops/.run
  # in a session of its own: Ctrl-C in the terminal reaches the script only, whose exit trap still needs the services
  # (to stop its campaigns and log its agents out) before it stops them
  ( cd "$dir/bin/${DIALER_CONFIGURATION:-Release}/net10.0" && exec setsid dotnet "$dll" "$@" ) >"ops/.run/$name.log" 2>&1 &
  echo $! >"ops/.run/$name.pid"
}

stop_services() {
  for pidfile in ops/.run/*.pid; do
    [ -f "$pidfile" ] || continue
    kill "$(cat "$pidfile")" 2>/dev/null || true
    rm -f "$pidfile"
  done
}

wait_http() {
  local name=$1 url=$2 seconds=${3:-60}
  local pid; pid=$(cat "ops/.run/$name.pid" 2>/dev/null || true)
  alive() { [ -z "$pid" ] || kill -0 "$pid" 2>/dev/null; }
  for _ in $(seq 1 $((seconds * 2))); do
    # ours must be the one answering: a process left from an earlier run on the same port would answer instead,
    # so an answer counts once ours is still up a moment later
    if ! alive; then
      say "$name exited at start (is its port taken by an earlier run?); its log:"; tail -5 "ops/.run/$name.log" >&2; return 1
    fi
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then sleep 0.5; alive && return 0; fi
    sleep 0.5
  done
  say "$name did not become ready at $url within ${seconds}s; its log:"; tail -30 "ops/.run/$name.log" >&2; return 1
}

# JSON field from stdin: json_field '.a.b'
json_field() { python3 -c 'import json,sys
v=json.load(sys.stdin)
for k in sys.argv[1].strip(".").split("."):
    v=v[int(k)] if isinstance(v,list) else v[k]
print(v)' "$1"; }
