# Shared helpers for the ops scripts.
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

wait_for() {
  local name=$1 seconds=$2; shift 2
  for _ in $(seq 1 "$seconds"); do "$@" && return 0; sleep 1; done
  say "setup: $name did not answer within ${seconds}s"; exit 1
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)); }
