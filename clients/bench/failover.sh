#!/usr/bin/env bash
# Failover as a client of a surviving silo sees it: a two-node PostgreSQL cluster (one Orleans cluster on a fresh
# database of deploy/local/postgres.sh's server), CreateReturn traffic to the second node, and the first node killed
# with SIGKILL by the load generator (`rl-loadgen failover --kill-pid`). Prints when calls failed, how long until one
# succeeded again and how many failed meanwhile, and checks nothing was lost or duplicated.
#
#   clients/bench/failover.sh [-c concurrency] [-d seconds] [-k kill-after-seconds] [-t deadline-seconds]
# Defaults: -c 4 -d 40 -k 5 -t 2. Uses the throwaway PostgreSQL server (started if it is not running; never stopped
# here) with a database of its own, dropped at the end. Needs psql and the .NET SDK. Everything listens on 127.0.0.1.
set -euo pipefail

concurrency=4
duration=40
kill_after=5
deadline=2
usage() { sed -n '7,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while getopts 'c:d:k:t:h' option; do
  case $option in
    c) concurrency=$OPTARG ;; d) duration=$OPTARG ;; k) kill_after=$OPTARG ;; t) deadline=$OPTARG ;; *) usage ;;
  esac
done
shift $((OPTIND - 1))
[[ $# -eq 0 ]] || usage
source "$(dirname "$0")/loadgen-common.sh"
loadgen_setup rl-failover psql dotnet
database=rl_failover_$$_$RANDOM
create_database "$database"
postgres="Host=$pg_host;Port=$pg_port;Username=$pg_user;Password=$PGPASSWORD;Database=$database;Maximum Pool Size=20"

# start_node NAME: a cluster-mode node with ports of its own; sets $node_pid, $node_address and $node_silo_port.
start_node() {
  local name=$1 port silo_port
  port=$(free_port)
  silo_port=$(free_port)
  node_silo_port=$silo_port
  : >"$work/$name.log"
  # The connection string and its password go by environment, never on a command line.
  RL_POSTGRES=$postgres RL_OPERATOR_KEY=$operator_key dotnet "$silo_dll" --store postgres --host 127.0.0.1 --port "$port" \
    --silo-port "$silo_port" --admin-port 0 --data-dir "$work/$name" --node-name "$name" >"$work/$name.log" 2>&1 &
  node_pid=$!
  pids+=("$node_pid")
  node_address=127.0.0.1:$port
  local i
  for ((i = 0; i < 240; i++)); do
    grep -q 'Application started' "$work/$name.log" && break
    kill -0 "$node_pid" 2>/dev/null || break
    sleep 0.5
  done
  grep -q 'Application started' "$work/$name.log" || { echo "$name did not start; its log:" >&2; cat "$work/$name.log" >&2; exit 1; }
  echo "$name: PID $node_pid, gRPC $node_address, silo port $silo_port" >&2
}

# The first node migrates the database; the second joins its cluster.
start_node node-1
victim_pid=$node_pid
victim_address=$node_address
victim_silo_port=$node_silo_port
start_node node-2
survivor_address=$node_address

# Orleans' membership table (migration 0005): one row per silo; status 3 is Active, 6 Dead.
membership() {
  psql -X -At -F ' ' -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "$database" \
    -c "SELECT siloname, port, status FROM orleansmembershiptable ORDER BY starttime" | sed 's/^/  /'
}

# When the cluster declares the first node dead: polled every 0.2 s while the load generator runs.
(
  for ((i = 0; i < (duration + 20) * 5; i++)); do
    status=$(psql -X -At -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "$database" \
      -c "SELECT max(status) FROM orleansmembershiptable WHERE port = $victim_silo_port" 2>/dev/null || true)
    if [[ $status == 6 ]]; then date '+%s.%N' >"$work/declared-dead"; exit 0; fi
    sleep 0.2
  done
) &
poller_pid=$!
pids+=("$poller_pid")

echo
echo "failover, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "membership before (silo name, silo port, status; 3 Active, 6 Dead):"
membership
status=0
RL_OPERATOR_KEY=$operator_key dotnet "$loadgen_dll" failover --addresses "$victim_address,$survivor_address" \
  --concurrency "$concurrency" --duration "$duration" --deadline "$deadline" \
  --kill-pid "$victim_pid" --kill-after "$kill_after" | tee "$work/loadgen.out" || status=${PIPESTATUS[0]}
wait "$victim_pid" 2>/dev/null || true
forget "$victim_pid"
wait "$poller_pid" 2>/dev/null || true
forget "$poller_pid"
killed_at=$(sed -n 's/^killed PID .* (unix time \([0-9.]*\))$/\1/p' "$work/loadgen.out")
if [[ -f $work/declared-dead && -n $killed_at ]]; then
  echo "the cluster's membership table marked the killed node Dead $(awk -v a="$killed_at" -v b="$(cat "$work/declared-dead")" \
    'BEGIN { printf "%.1f", b - a }') s after the kill (polled every 0.2 s)"
else
  echo "the cluster's membership table did not mark the killed node Dead while the load ran"
fi
echo "membership after (silo name, silo port, status; 3 Active, 6 Dead):"
membership
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ $status -ne 0 ]]; then
  echo "rl-loadgen failover exited $status; the surviving node's log ends:" >&2
  tail -n 30 "$work/node-2.log" >&2
fi
exit "$status"
