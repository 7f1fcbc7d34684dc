# A RabbitMQ cluster of its own on this machine (sourced by ops/cluster/run): CLUSTER_NODES nodes of the apt broker's
# own rabbitmq-server, each with its node name, AMQP and distribution ports, data and log directories under
# $RABBIT_DIR, one Erlang cookie of the run's own (its $HOME), no plugins (management off). The shared node
# (rabbit@host on 5672) and its cookie are never touched. Needs RABBIT_DIR, CLUSTER_NODES, RABBIT_PORT_BASE.

RABBIT_BIN=${RABBIT_BIN:-/usr/lib/rabbitmq/bin} # the scripts themselves: /usr/sbin's wrappers switch to the rabbitmq user
RABBIT_HOST=$(hostname -s)

rabbit_node_name() { echo "dialer-cluster-$1@$RABBIT_HOST"; }
rabbit_amqp_port() { echo $((RABBIT_PORT_BASE + $1)); }

# rabbit_with N command...: runs the command in node N's environment; the cookie is read from $HOME/.erlang.cookie,
# by the node and by rabbitmqctl alike
rabbit_with() {
  local n=$1 dir=$RABBIT_DIR/node$1; shift
  ( export HOME=$RABBIT_DIR RABBITMQ_NODENAME=$(rabbit_node_name "$n") RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
      RABBITMQ_NODE_PORT=$(rabbit_amqp_port "$n") RABBITMQ_DIST_PORT=$((RABBIT_PORT_BASE + 20000 + n)) \
      RABBITMQ_MNESIA_BASE=$dir/mnesia RABBITMQ_LOG_BASE=$dir/log RABBITMQ_PID_FILE=$dir/beam.pid \
      RABBITMQ_ENABLED_PLUGINS_FILE=$RABBIT_DIR/enabled_plugins RABBITMQ_CONFIG_FILE=$RABBIT_DIR/rabbitmq.conf \
      RABBITMQ_CONF_ENV_FILE=/dev/null RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="+S 1:1"
    exec "$@" )
}

# rabbit_ctl N args...: rabbitmqctl against node N
rabbit_ctl() { local n=$1; shift; rabbit_with "$n" "$RABBIT_BIN/rabbitmqctl" -n "$(rabbit_node_name "$n")" "$@"; }

rabbit_fresh() {
  rm -rf "$RABBIT_DIR"; mkdir -p "$RABBIT_DIR"
  head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$RABBIT_DIR/.erlang.cookie"
  chmod 400 "$RABBIT_DIR/.erlang.cookie"
  echo '[].' >"$RABBIT_DIR/enabled_plugins"
  cat >"$RABBIT_DIR/rabbitmq.conf" <<CONF
# a node cut off from the majority stops serving rather than split the cluster
cluster_partition_handling = pause_minority
loopback_users.guest = true
CONF
}

# rabbit_start N: starts node N in the background (niced, a session of its own) and waits until it answers
rabbit_start() {
  local n=$1 dir=$RABBIT_DIR/node$1
  mkdir -p "$dir/log"
  rabbit_with "$n" setsid nice -n 10 "$RABBIT_BIN/rabbitmq-server" >>"$dir/console.log" 2>&1 &
  for _ in $(seq 1 120); do
    rabbit_ctl "$n" await_startup --timeout 1 >/dev/null 2>&1 && return 0
    sleep 1
  done
  say "cluster: RabbitMQ node $n did not start; its log:"; tail -20 "$dir/console.log" >&2; return 1
}

rabbit_pid() { cat "$RABBIT_DIR/node$1/beam.pid" 2>/dev/null; }

# rabbit_kill9 N: the node dies at once (its beam process), as a crashed host would
rabbit_kill9() { local pid; pid=$(rabbit_pid "$1"); [ -n "$pid" ] && kill -9 "$pid"; say "cluster:   kill -9 RabbitMQ node $1 (pid $pid)"; }

rabbit_stop_all() {
  local n
  for n in $(seq 1 "$CLUSTER_NODES"); do
    rabbit_ctl "$n" shutdown >/dev/null 2>&1 || { local pid; pid=$(rabbit_pid "$n"); [ -n "$pid" ] && kill "$pid" 2>/dev/null; } || true
  done
}

# rabbit_cluster: fresh nodes 1..N, 2..N joined to node 1
rabbit_cluster() {
  local n
  rabbit_fresh
  for n in $(seq 1 "$CLUSTER_NODES"); do rabbit_start "$n"; done
  for n in $(seq 2 "$CLUSTER_NODES"); do
    rabbit_ctl "$n" stop_app >/dev/null 2>&1
    rabbit_ctl "$n" join_cluster "$(rabbit_node_name 1)" >/dev/null 2>&1
    rabbit_ctl "$n" start_app >/dev/null 2>&1
  done
  rabbit_running_nodes
}

# how many nodes the cluster says are running
rabbit_running_nodes() {
  local n
  for n in $(seq 1 "$CLUSTER_NODES"); do
    rabbit_ctl "$n" cluster_status --formatter json 2>/dev/null \
      | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["running_nodes"]))' 2>/dev/null && return 0
  done
  echo 0
}
