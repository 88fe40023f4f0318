#!/usr/bin/env bash
# A local cluster: the throwaway PostgreSQL from postgres.sh, N silo nodes on it forming one
# Orleans cluster (membership in the database rl_cluster; cluster id $RL_CLUSTER_ID, default rl-local), and nginx
# in front (deploy/nginx/silo.conf) on 127.0.0.1:7070. For trying cluster mode and for load
# tests on one machine; nodes log to $RL_CLUSTER_DIR/node-<port>.log. Nodes on one machine need
# distinct ports: node i serves gRPC on 7070+i and talks to the other nodes on silo port 11110+i.
#
#   deploy/local/cluster.sh start [nodes]   build, then start PostgreSQL, nodes (gRPC 7071, 7072, ...;
#                                           silo ports 11111, 11112, ...) and nginx
#   deploy/local/cluster.sh stop            stop nginx and the nodes (PostgreSQL: postgres.sh stop)
#
# The operator key is $RL_OPERATOR_KEY (default: rl-local-cluster-operator-key).
# Needs nginx (Debian: apt-get install nginx-light) and PostgreSQL's server binaries.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dir="${RL_CLUSTER_DIR:-/tmp/rl-cluster}"
export RL_OPERATOR_KEY="${RL_OPERATOR_KEY:-rl-local-cluster-operator-key}"
cluster_id="${RL_CLUSTER_ID:-rl-local}"

start() {
  local nodes="${1:-2}"
  mkdir -p "$dir"
  dotnet build "$root/silo/ReverseLogistics.Silo" -c Release -v quiet -nologo
  "$here/postgres.sh" start
  local connection password port
  connection="$("$here/postgres.sh" env | sed -e 's/^export RL_TEST_POSTGRES=//' -e "s/^'//" -e "s/'$//" -e 's/Database=[^;]*/Database=rl_cluster/')"
  password="$(echo "$connection" | sed -e 's/.*Password=\([^;]*\).*/\1/')"
  port="$(echo "$connection" | sed -e 's/.*Port=\([^;]*\).*/\1/')"
  PGPASSWORD="$password" psql -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -tc \
    "SELECT 1 FROM pg_database WHERE datname = 'rl_cluster'" | grep -q 1 \
    || PGPASSWORD="$password" psql -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE DATABASE rl_cluster"

  local upstreams=""
  for ((i = 1; i <= nodes; i++)); do
    local port=$((7070 + i)) silo_port=$((11110 + i))
    upstreams+="    server 127.0.0.1:$port;"$'\n'
    # The connection string (with its password) goes by environment, never on the command line where ps shows it.
    # The same database and cluster id make one Orleans cluster; each node its own silo port.
    RL_POSTGRES="$connection" nohup dotnet "$root/silo/ReverseLogistics.Silo/bin/Release/net10.0/ReverseLogistics.Silo.dll" \
      --host 127.0.0.1 --port "$port" --data-dir "$dir/node-$port" --node-name "node-$port" \
      --store postgres --silo-port "$silo_port" --cluster-id "$cluster_id" >"$dir/node-$port.log" 2>&1 &
    echo $! >"$dir/node-$port.pid"
  done

  # The shipped nginx config with this cluster's nodes as the upstream.
  awk -v servers="$upstreams" '/^    server 127\.0\.0\.1:/ { if (!done) { printf "%s", servers; done = 1 } next } { print }' \
    "$root/deploy/nginx/silo.conf" >"$dir/silo.conf"
  cat >"$dir/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
events {}
http {
  access_log off;
  include $dir/silo.conf;
}
CONF
  nginx -c "$dir/nginx.conf"
  for log in "$dir"/node-*.log; do
    for _ in $(seq 120); do grep -q "Application started" "$log" && break; sleep 0.5; done
    grep -q "Application started" "$log" || { echo "cluster.sh: a node did not start, see $log" >&2; exit 1; }
  done
  echo "cluster: $nodes nodes behind nginx on 127.0.0.1:7070; operator key: \$RL_OPERATOR_KEY"
}

stop() {
  if [[ -f "$dir/nginx.pid" ]]; then nginx -c "$dir/nginx.conf" -s stop || true; fi
  for pid in "$dir"/node-*.pid; do
    [[ -f "$pid" ]] || continue
    kill "$(cat "$pid")" 2>/dev/null || true
    rm -f "$pid"
  done
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  *) echo "usage: $0 start [nodes] | stop" >&2; exit 2 ;;
esac
