#!/usr/bin/env bash
# End-to-end durable CreateReturn over gRPC (clients/ReverseLogistics.LoadGen, `rl-loadgen create-returns`) next to
# pgbench on the same PostgreSQL server in the same run: pgbench, an embedded silo (SQLite), a PostgreSQL-mode silo,
# pgbench again, one after the other so that they do not share the cores. A benchmark, not a test: it prints figures
# and fails only on errors, or when the load generator's check finds a return lost or duplicated.
#
#   clients/bench/createreturn-compare.sh [-c concurrency] [-d seconds] [-w warm-up-seconds] [-T pgbench-seconds]
# Defaults: -c 64 -d 20 -w 3 -T 15 (pgbench: -N -c 8 -j 2, initialised with scale 10), or from LOADGEN_CONCURRENCY,
# LOADGEN_DURATION, LOADGEN_WARMUP, PGBENCH_SECONDS.
# Uses the throwaway server of deploy/local/postgres.sh (started if it is not running; never stopped here), with a
# fresh database for pgbench and one for the silo, both dropped at the end. Needs pgbench and psql (Debian:
# postgresql-client) and the .NET SDK. Everything listens on 127.0.0.1.
set -euo pipefail

concurrency=${LOADGEN_CONCURRENCY:-64}
duration=${LOADGEN_DURATION:-20}
warmup=${LOADGEN_WARMUP:-3}
pgbench_seconds=${PGBENCH_SECONDS:-15}
usage() { sed -n '6,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while getopts 'c:d:w:T:h' option; do
  case $option in
    c) concurrency=$OPTARG ;; d) duration=$OPTARG ;; w) warmup=$OPTARG ;; T) pgbench_seconds=$OPTARG ;; *) usage ;;
  esac
done
shift $((OPTIND - 1))
[[ $# -eq 0 ]] || usage

source "$(dirname "$0")/loadgen-common.sh"
loadgen_setup rl-createreturn pgbench psql dotnet
suffix=$$_$RANDOM
pgbench_db=rl_pgbench_$suffix
silo_db=rl_loadgen_$suffix

create_database "$pgbench_db"
create_database "$silo_db"

# pgbench_run LABEL: one pgbench -N run on its database; prints "tps latency-ms".
pgbench_run() {
  local label=$1 output tps latency
  output=$(pgbench -N -c 8 -j 2 -T "$pgbench_seconds" -h "$pg_host" -p "$pg_port" -U "$pg_user" "$pgbench_db" 2>&1) \
    || { echo "$output" >&2; echo "pgbench ($label) failed" >&2; exit 1; }
  echo "$output" >"$work/pgbench-$label.out"
  tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$work/pgbench-$label.out" | xargs printf '%.1f')
  latency=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$work/pgbench-$label.out")
  echo "pgbench -N ($label): tps $tps, latency average $latency ms" >&2
  echo "$tps $latency"
}

# silo_run LABEL POSTGRES [silo flags...]: starts a silo (with RL_POSTGRES=POSTGRES unless empty: the connection string
# and its password go by environment, never on a command line), runs rl-loadgen create-returns against it, stops the
# silo (SIGTERM). The load generator's report goes to stderr; its summary line is kept in $work/LABEL.summary.
silo_run() {
  local label=$1 postgres=$2 port silo_port pid status=0 environment=()
  shift 2
  port=$(free_port)
  silo_port=$(free_port)
  [[ -z $postgres ]] || environment+=("RL_POSTGRES=$postgres")
  env "${environment[@]}" RL_OPERATOR_KEY="$operator_key" dotnet "$silo_dll" --host 127.0.0.1 --port "$port" --silo-port "$silo_port" --admin-port 0 \
    --data-dir "$work/$label" --node-name "loadgen-$label" "$@" >"$work/silo-$label.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  echo "silo ($label): PID $pid on 127.0.0.1:$port" >&2
  # rl-loadgen waits for the silo's health to answer SERVING (--wait, 60 s) before it starts.
  RL_OPERATOR_KEY=$operator_key dotnet "$loadgen_dll" create-returns --address "127.0.0.1:$port" \
    --concurrency "$concurrency" --duration "$duration" --warmup "$warmup" --silo-pid "$pid" >"$work/loadgen-$label.out" 2>&1 || status=$?
  sed 's/^/  /' "$work/loadgen-$label.out" >&2
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  forget "$pid"
  if [[ $status -ne 0 ]]; then
    echo "rl-loadgen against the $label silo exited $status; the silo's log ends:" >&2
    tail -n 30 "$work/silo-$label.log" >&2
    exit 1
  fi
  grep '^summary:' "$work/loadgen-$label.out" >"$work/$label.summary"
}
summary_field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" "$work/$1.summary"; }

started=$(date -u '+%Y-%m-%d %H:%M UTC')
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "initialising pgbench (scale 10) in $pgbench_db..." >&2
pgbench -i -s 10 -q -h "$pg_host" -p "$pg_port" -U "$pg_user" "$pgbench_db" >"$work/pgbench-init.out" 2>&1 \
  || { cat "$work/pgbench-init.out" >&2; exit 1; }

before=$(pgbench_run before)
read -r before_tps before_latency <<<"$before"
silo_run embedded '' --store sqlite
# The pool is capped so that the silo and pgbench stay well under the server's max_connections (100 by default).
silo_run postgres "Host=$pg_host;Port=$pg_port;Username=$pg_user;Password=$PGPASSWORD;Database=$silo_db;Maximum Pool Size=40" \
  --store postgres
after=$(pgbench_run after)
read -r after_tps after_latency <<<"$after"

server_version=$(psql -X -At -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c 'SHOW server_version' | cut -d' ' -f1)
pgbench_mean=$(awk -v a="$before_tps" -v b="$after_tps" 'BEGIN { printf "%.1f", (a + b) / 2 }')
row() { printf '%-30s  %10s  %9s  %8s  %8s  %8s  %10s  %s\n' "$@"; }
ratio() { awk -v a="$1" -v b="$pgbench_mean" 'BEGIN { printf "%.3f", a / b }'; }

echo
echo "CreateReturn end to end vs pgbench -N, $started, $(nproc) cores, PostgreSQL $server_version on $pg_host:$pg_port"
echo "rl-loadgen: concurrency $concurrency, $duration s after a $warmup s warm-up, one attempt per call;" \
  "pgbench: -N -c 8 -j 2 -T $pgbench_seconds, scale 10"
echo
row what 'ops/s' 'lat avg' 'p50 ms' 'p95 ms' 'p99 ms' 'silo CPU' 'vs pgbench'
row 'pgbench -N, before' "$before_tps" "$before_latency" - - - - -
for label in embedded postgres; do
  rate=$(summary_field "$label" ops_per_s)
  row "CreateReturn, $label silo" "$rate" - "$(summary_field "$label" p50_ms)" "$(summary_field "$label" p95_ms)" \
    "$(summary_field "$label" p99_ms)" "$(summary_field "$label" silo_cpu_ms_per_op)" "$(ratio "$rate")"
done
row 'pgbench -N, after' "$after_tps" "$after_latency" - - - - -
echo
echo "ops/s: pgbench transactions/s (tps without connection time), or acknowledged CreateReturn calls/s; lat avg:" \
  "pgbench's latency average (ms); silo CPU: the silo process's CPU ms per acknowledged return in the measured window" \
  "(PostgreSQL's own CPU not included); vs pgbench: against the mean of the two pgbench runs ($pgbench_mean tps)."
for label in embedded postgres; do
  echo "check ($label): $(summary_field "$label" check), $(summary_field "$label" listed) listed," \
    "$(summary_field "$label" acknowledged) acknowledged, $(summary_field "$label" failed) failed calls"
done
echo "load average at the start $load_before, at the end $(cut -d' ' -f1-3 /proc/loadavg) (anything else running on the machine shows here)"
