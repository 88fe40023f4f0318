#!/usr/bin/env bash
# The silo's memory with many returns stored and many of them active: seeds an embedded data directory with N returns
# (or reuses one seeded before), starts a silo on it and reports its resident set size idle, then after GetReturn on K
# of the returns (each call activates one return grain), with the managed heap, the activations and the database size.
# A benchmark, not a test: it prints figures and fails on nothing but errors.
#
#   clients/bench/memory.sh [-n returns] [-k activations] [-c concurrency] [-s settle-seconds] [-d work-dir] [-g]
# Defaults: -n 1000000 -k 100000 -c 64 -s 10. -d keeps the work directory (data, ids, keys, logs) and reuses its
# data when it already holds N returns; without it a temporary one is made and deleted at the end. -g ends with a
# dotnet-gcdump of the silo (~/.dotnet/tools) and its largest types; the dump forces a full collection first.
set -euo pipefail

returns=1000000
activations=100000
concurrency=64
settle=10
work=''
gcdump=no
usage() { sed -n '7,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while getopts 'n:k:c:s:d:gh' option; do
  case $option in
    n) returns=$OPTARG ;; k) activations=$OPTARG ;; c) concurrency=$OPTARG ;; s) settle=$OPTARG ;;
    d) work=$OPTARG ;; g) gcdump=yes ;; *) usage ;;
  esac
done
shift $((OPTIND - 1))
[[ $# -eq 0 ]] || usage
(( activations <= returns )) || { echo "-k $activations is more than -n $returns" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl not found: apt-get install curl" >&2; exit 1; }
gcdump_tool=$HOME/.dotnet/tools/dotnet-gcdump
[[ $gcdump == no || -x $gcdump_tool ]] || { echo "-g needs $gcdump_tool: dotnet tool install -g dotnet-gcdump" >&2; exit 1; }

cd "$(dirname "$0")/../.."
source clients/bench/loadgen-common.sh # free_port
out=bin/Release/net10.0
silo_dll=silo/ReverseLogistics.Silo/$out/ReverseLogistics.Silo.dll
bench_dll=clients/ReverseLogistics.Bench/$out/ReverseLogistics.Bench.dll

echo "building (Release)..." >&2
# The bench project references the silo, so its build is the silo's too.
log=$(dotnet build -c Release --nologo -v q clients/ReverseLogistics.Bench 2>&1) || { echo "$log" >&2; echo "build failed" >&2; exit 1; }

keep=yes
if [[ -z $work ]]; then
  work=$(mktemp -d -t rl-memory.XXXXXX)
  keep=no
fi
mkdir -p "$work"
work=$(cd "$work" && pwd)
data=$work/data
silo_pid=''
cleanup() {
  if [[ -n $silo_pid ]]; then kill "$silo_pid" 2>/dev/null || true; wait "$silo_pid" 2>/dev/null || true; fi
  [[ $keep == yes ]] || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_silo LOG: a silo on $data with free gRPC, silo and admin ports; sets silo_pid, silo_address and admin_address.
start_silo() {
  local port silo_port admin_port
  port=$(free_port); silo_port=$(free_port); admin_port=$(free_port)
  RL_OPERATOR_KEY=$operator_key dotnet "$silo_dll" --host 127.0.0.1 --port "$port" --silo-port "$silo_port" \
    --admin-port "$admin_port" --data-dir "$data" >"$1" 2>&1 &
  silo_pid=$!
  silo_address=127.0.0.1:$port
  admin_address=127.0.0.1:$admin_port
  dotnet "$bench_dll" wait-serving --silo "$silo_address" --wait 600 >"$work/serving.out" \
    || { cat "$work/serving.out" >&2; echo "the silo never answered SERVING; its log ($1):" >&2; tail -n 40 "$1" >&2; exit 1; }
}

stop_silo() {
  kill "$silo_pid"
  wait "$silo_pid" || true
  silo_pid=''
}

# Seeding: the tenant and its merchant key through the API of a silo on the fresh data directory, that silo stopped,
# then the returns written straight into its store (seed-returns), as CreateReturn writes them.
env_file=$work/memory-bench.env
if [[ -f $env_file ]] && grep -qx "seeded_returns=$returns" "$env_file"; then
  source "$env_file"
  echo "reusing $data: $seeded_returns returns of tenant $tenant (seeded in ${seed_seconds} s)" >&2
else
  rm -rf "$data" "$env_file"
  operator_key=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
  tenant=mem-$(od -An -tx1 -N4 /dev/urandom | tr -d ' \n')
  start_silo "$work/silo-seed.log"
  RL_OPERATOR_KEY=$operator_key dotnet "$bench_dll" seed-tenant --silo "$silo_address" --tenant "$tenant" --key-out "$work/merchant.key" >&2
  stop_silo
  started=$(date +%s.%N)
  dotnet "$bench_dll" seed-returns --data-dir "$data" --tenant "$tenant" --count "$returns" --ids-out "$work/returns.ids" | tee "$work/seed.out" >&2
  seed_seconds=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }')
  (umask 077; printf 'seeded_returns=%s\ntenant=%s\noperator_key=%s\nseed_seconds=%s\n' "$returns" "$tenant" "$operator_key" "$seed_seconds" >"$env_file")
fi

mib() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1048576 }'; }
# status FIELD: a /proc/PID/status field of the silo, in MiB.
status() { awk -v f="$1:" '$1 == f { printf "%.0f", $2 / 1024 }' "/proc/$silo_pid/status"; }
# measure LABEL: one row of the table: RSS and its peak, the managed heap after the last collection (all generations)
# and the memory the GC had committed then, from the admin port's /metrics, and the return grains active.
rows=()
measure() {
  local metrics heap committed active
  metrics=$(curl -sf "http://$admin_address/metrics")
  heap=$(echo "$metrics" | awk '/^dotnet_gc_last_collection_heap_size_bytes\{/ { sum += $NF } END { printf "%.0f", sum / 1048576 }')
  committed=$(mib "$(echo "$metrics" | awk '/^dotnet_gc_last_collection_memory_committed_size_bytes\{/ { print $NF }')")
  active=$(echo "$metrics" | awk '/^rl_actor_activations\{/ { print $NF }')
  rows+=("$(printf '%-34s %9s %9s %12s %16s %12s' "$1" "$(status VmRSS)" "$(status VmHWM)" "$heap" "$committed" "$active")")
}

echo "starting a silo on $data..." >&2
start_silo "$work/silo.log"
startup=$(sed -n 's/^serving after \(.*\) s$/\1/p' "$work/serving.out")
sleep "$settle" # idle: let start-up work (the first sweeps, tiered compilation) finish before measuring
measure "idle, ${settle} s after SERVING"

RL_MERCHANT_KEY=$(cat "$work/merchant.key") dotnet "$bench_dll" get-returns --silo "$silo_address" --ids "$work/returns.ids" \
  --count "$activations" --concurrency "$concurrency" | tee "$work/get.out" >&2
sleep "$settle"
measure "after $(printf "%'d" "$activations") GetReturn, ${settle} s on"

if [[ $gcdump == yes ]]; then
  "$gcdump_tool" collect -p "$silo_pid" -o "$work/silo.gcdump" >"$work/gcdump.out" 2>&1 \
    || { cat "$work/gcdump.out" >&2; echo "dotnet-gcdump collect failed" >&2; exit 1; }
  measure "after the gcdump's full collection"
fi

db=$data/reverselogistics.db
echo
echo "memory of an embedded silo, $(nproc) cores, $(awk '/^MemTotal:/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo) GiB, $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$(printf "%'d" "$returns") returns of tenant $tenant ($(sed -n 's/^seed-returns: .* in \(.* s = .* returns\/s\),.*/\1/p' "$work/seed.out" 2>/dev/null || true)); silo SERVING ${startup} s after start"
echo "database $(mib "$(stat -c %s "$db")") MiB, WAL $(mib "$(stat -c %s "$db-wal" 2>/dev/null || echo 0)") MiB; $(tail -n 1 "$work/get.out")"
echo
printf '%-34s %9s %9s %12s %16s %12s\n' '' 'VmRSS MiB' 'VmHWM MiB' 'GC heap MiB' 'GC committed MiB' 'activations'
printf '%s\n' "${rows[@]}"
if [[ $gcdump == yes ]]; then
  echo
  "$gcdump_tool" report "$work/silo.gcdump" >"$work/gcdump-report.txt" 2>&1
  echo "gcdump ($work/silo.gcdump): $(grep -E 'GC Heap (bytes|objects)' "$work/gcdump-report.txt" | awk '{ printf "%s %s; ", $1, $4 }')largest types, all objects of a type together:"
  # dotnet-gcdump walks at most 10,000,000 objects (about 70,000 activations): past that the types below are a part only.
  ! grep -q '10,000,000  GC Heap objects' "$work/gcdump-report.txt" \
    || echo "the dump stopped at 10,000,000 objects, so it is incomplete: a smaller -k shows every object"
  # The report gives one line per type and object size bucket: the size of one object, how many, the type (and its bucket).
  awk '$1 ~ /^[0-9,]+$/ && $2 ~ /^[0-9,]+$/ {
    bytes = $1; count = $2; gsub(",", "", bytes); gsub(",", "", count)
    type = $0; sub(/^ *[0-9,]+ +[0-9,]+ +/, "", type); sub(/ \(Bytes > [0-9KM]+\)/, "", type); sub(/ +\[[^]]*\]$/, "", type)
    total[type] += bytes * count; objects[type] += count
  }
  END { for (t in total) printf "%10.1f MiB %11d  %s\n", total[t] / 1048576, objects[t], t }' "$work/gcdump-report.txt" \
    | sort -rn >"$work/gcdump-types.txt"
  head -n 30 "$work/gcdump-types.txt"
fi
[[ $keep == no ]] || echo "work directory kept: $work"
