#!/usr/bin/env bash
# The hot paths end to end over gRPC (clients/ReverseLogistics.LoadGen: `rl-loadgen create-returns`, `handheld`,
# `schedule-pickups`, `get-returns`) next to pgbench on the same PostgreSQL server in the same run: pgbench, then for
# each path an embedded silo (SQLite) and a PostgreSQL-mode silo, then pgbench again, one after the other so that
# they do not share the cores. Every path gets fresh silos and a fresh database. A benchmark, not a test: it prints
# figures and fails only on errors, or when a load generator's check finds something lost, doubled or in a wrong state.
#
#   clients/bench/paths-compare.sh [-p path,...] [-c concurrency] [-d seconds] [-w warm-up-seconds] [-T pgbench-seconds]
# Paths: create-returns, handheld, schedule-pickups, get-returns (default: all four, in that order).
# Defaults: -c 64 -d 10 -w 3 -T 15 (pgbench: -N -c 8 -j 2, initialised with scale 10), or from LOADGEN_PATHS,
# LOADGEN_CONCURRENCY, LOADGEN_DURATION, LOADGEN_WARMUP, PGBENCH_SECONDS.
# Uses the throwaway server of deploy/local/postgres.sh (started if it is not running; never stopped here), with a
# fresh database for pgbench and one per PostgreSQL-mode silo, all dropped at the end. Needs pgbench and psql
# (Debian: postgresql-client) and the .NET SDK. Everything listens on 127.0.0.1.
set -euo pipefail

paths=${LOADGEN_PATHS:-create-returns,handheld,schedule-pickups,get-returns}
concurrency=${LOADGEN_CONCURRENCY:-64}
duration=${LOADGEN_DURATION:-10}
warmup=${LOADGEN_WARMUP:-3}
pgbench_seconds=${PGBENCH_SECONDS:-15}
usage() { sed -n '8,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while getopts 'p:c:d:w:T:h' option; do
  case $option in
    p) paths=$OPTARG ;; c) concurrency=$OPTARG ;; d) duration=$OPTARG ;; w) warmup=$OPTARG ;; T) pgbench_seconds=$OPTARG ;; *) usage ;;
  esac
done
shift $((OPTIND - 1))
[[ $# -eq 0 ]] || usage
IFS=, read -r -a path_list <<<"$paths"
for path in "${path_list[@]}"; do
  case $path in create-returns | handheld | schedule-pickups | get-returns) ;; *) echo "unknown path: $path" >&2; usage ;; esac
done

source "$(dirname "$0")/loadgen-common.sh"
loadgen_setup rl-paths pgbench psql dotnet
suffix=$$_$RANDOM
pgbench_db=rl_pgbench_$suffix
create_database "$pgbench_db"

# What each path is called in the table, and the options its command gets besides the shared ones. The pre-created
# returns are sized for the whole run (warm-up and measured window) with room to spare; a command that runs out says
# so and its window is shorter.
seconds=$(awk -v w="$warmup" -v d="$duration" 'BEGIN { printf "%d", w + d + 0.999 }')
declare -A title options
title[create-returns]=CreateReturn
title[handheld]='handheld parcel'
title[schedule-pickups]=SchedulePickup
title[get-returns]=GetReturn
options[create-returns]=''
options[handheld]="--returns $((seconds * 250 > 1000 ? seconds * 250 : 1000))"
pickups=$((seconds * 500 > 2000 ? seconds * 500 : 2000))
# 28 days of 12 windows a day: each window takes what its share needs, and at least the command's default of 40.
window_capacity=$(((pickups + 28 * 12 - 1) / (28 * 12)))
options[schedule-pickups]="--returns $pickups --days 28 --window-capacity $((window_capacity > 40 ? window_capacity : 40))"
options[get-returns]='--returns 1000'

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

# silo_run PATH STORE: starts a silo on STORE (sqlite, or postgres on a fresh database named by RL_POSTGRES: the
# connection string and its password go by environment, never on a command line), runs `rl-loadgen PATH` against it,
# stops the silo (SIGTERM). The load generator's report goes to stderr; its summary line and its setup lines are kept
# in $work/PATH-STORE.summary and .setup.
silo_run() {
  local path=$1 store=$2 label=$1-$2 port silo_port pid status=0 environment=() database
  port=$(free_port)
  silo_port=$(free_port)
  if [[ $store == postgres ]]; then
    database=rl_loadgen_${suffix}_${path//-/_}
    create_database "$database"
    # The pool is capped so that the silo and pgbench stay well under the server's max_connections (100 by default).
    environment+=("RL_POSTGRES=Host=$pg_host;Port=$pg_port;Username=$pg_user;Password=$PGPASSWORD;Database=$database;Maximum Pool Size=40")
  fi
  env "${environment[@]}" RL_OPERATOR_KEY="$operator_key" dotnet "$silo_dll" --store "$store" --host 127.0.0.1 --port "$port" \
    --silo-port "$silo_port" --admin-port 0 --data-dir "$work/$label" --node-name "loadgen-$label" >"$work/silo-$label.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  echo "silo ($label): PID $pid on 127.0.0.1:$port" >&2
  # rl-loadgen waits for the silo's health to answer SERVING (--wait, 60 s) before it starts.
  # shellcheck disable=SC2086 # the options are words
  RL_OPERATOR_KEY=$operator_key dotnet "$loadgen_dll" "$path" --address "127.0.0.1:$port" ${options[$path]} \
    --concurrency "$concurrency" --duration "$duration" --warmup "$warmup" --silo-pid "$pid" >"$work/loadgen-$label.out" 2>&1 || status=$?
  sed 's/^/  /' "$work/loadgen-$label.out" >&2
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  forget "$pid"
  if [[ $status -ne 0 ]]; then
    echo "rl-loadgen $path against the $store silo exited $status; the silo's log ends:" >&2
    tail -n 30 "$work/silo-$label.log" >&2
    exit 1
  fi
  grep '^summary:' "$work/loadgen-$label.out" >"$work/$label.summary"
  grep '^setup:' "$work/loadgen-$label.out" >"$work/$label.setup" || true
}
summary_field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" "$work/$1.summary"; }

started=$(date -u '+%Y-%m-%d %H:%M UTC')
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "initialising pgbench (scale 10) in $pgbench_db..." >&2
pgbench -i -s 10 -q -h "$pg_host" -p "$pg_port" -U "$pg_user" "$pgbench_db" >"$work/pgbench-init.out" 2>&1 \
  || { cat "$work/pgbench-init.out" >&2; exit 1; }

before=$(pgbench_run before)
read -r before_tps before_latency <<<"$before"
for path in "${path_list[@]}"; do
  silo_run "$path" sqlite
  silo_run "$path" postgres
done
after=$(pgbench_run after)
read -r after_tps after_latency <<<"$after"

server_version=$(psql -X -At -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c 'SHOW server_version' | cut -d' ' -f1)
pgbench_mean=$(awk -v a="$before_tps" -v b="$after_tps" 'BEGIN { printf "%.1f", (a + b) / 2 }')
row() { printf '%-38s  %10s  %9s  %8s  %8s  %8s  %10s  %s\n' "$@"; }
ratio() { awk -v a="$1" -v b="$pgbench_mean" 'BEGIN { printf "%.3f", a / b }'; }
store_name() { [[ $1 == sqlite ]] && echo embedded || echo postgres; }

echo
echo "Hot paths end to end vs pgbench -N, $started, $(nproc) cores, PostgreSQL $server_version on $pg_host:$pg_port"
echo "rl-loadgen: concurrency $concurrency, $duration s after a $warmup s warm-up, one attempt per call;" \
  "pgbench: -N -c 8 -j 2 -T $pgbench_seconds, scale 10"
echo
row what 'ops/s' 'lat avg' 'p50 ms' 'p95 ms' 'p99 ms' 'silo CPU' 'vs pgbench'
row 'pgbench -N, before' "$before_tps" "$before_latency" - - - - -
for path in "${path_list[@]}"; do
  for store in sqlite postgres; do
    label=$path-$store
    rate=$(summary_field "$label" ops_per_s)
    row "${title[$path]}, $(store_name "$store") silo" "$rate" - "$(summary_field "$label" p50_ms)" "$(summary_field "$label" p95_ms)" \
      "$(summary_field "$label" p99_ms)" "$(summary_field "$label" silo_cpu_ms_per_op)" "$(ratio "$rate")"
    if [[ $path == handheld ]]; then
      for rpc in ScanParcel ReceiveItems RecordInspection; do
        row "  $rpc" "$(summary_field "$label" "${rpc}_per_s")" - "$(summary_field "$label" "${rpc}_p50_ms")" \
          "$(summary_field "$label" "${rpc}_p95_ms")" "$(summary_field "$label" "${rpc}_p99_ms")" - -
      done
    fi
  done
done
row 'pgbench -N, after' "$after_tps" "$after_latency" - - - - -
echo
echo "ops/s: pgbench transactions/s (tps without connection time), or acknowledged operations/s (a handheld parcel is" \
  "three calls: its RPCs' rows count calls); lat avg: pgbench's latency average (ms); silo CPU: the silo process's CPU ms" \
  "per acknowledged operation in the measured window (PostgreSQL's own CPU not included); vs pgbench: against the mean" \
  "of the two pgbench runs ($pgbench_mean tps)."
for path in "${path_list[@]}"; do
  for store in sqlite postgres; do
    label=$path-$store
    ran_out=''
    [[ $(summary_field "$label" ran_out) != yes ]] || ran_out=' (ran out of pre-created returns: a shorter window)'
    echo "check (${title[$path]}, $(store_name "$store")): $(summary_field "$label" check), $(summary_field "$label" acknowledged)" \
      "acknowledged in all, $(summary_field "$label" failed) failed in the window$ran_out"
    sed "s/^setup: /  setup: /" "$work/$label.setup"
  done
done
echo "load average at the start $load_before, at the end $(cut -d' ' -f1-3 /proc/loadavg) (anything else running on the machine shows here)"
