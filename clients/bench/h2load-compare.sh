#!/usr/bin/env bash
# Unary gRPC throughput of the silo's health Check and of an authenticated GetReturn, next to a bare
# Grpc.AspNetCore echo server (clients/ReverseLogistics.Bench.Echo) started in the same run and driven
# with the same h2load settings: echo, health, GetReturn, each warmed up first, for several rounds.
# A benchmark, not a test: it prints figures and passes or fails on nothing but errors.
#
#   clients/bench/h2load-compare.sh [-n requests] [-c clients] [-m streams-per-client] [-t threads]
#                                   [-w warm-up-requests] [-r rounds]
# Defaults: -n 100000 -c 4 -m 32 -t 1 -w 10000 -r 2, or from H2LOAD_REQUESTS, H2LOAD_CLIENTS,
# H2LOAD_STREAMS, H2LOAD_THREADS, H2LOAD_WARMUP, H2LOAD_ROUNDS.
# Needs h2load and nghttp (Debian: nghttp2-client) and the .NET SDK. Everything listens on 127.0.0.1.
set -euo pipefail

requests=${H2LOAD_REQUESTS:-100000}
clients=${H2LOAD_CLIENTS:-4}
streams=${H2LOAD_STREAMS:-32}
threads=${H2LOAD_THREADS:-1}
warmup=${H2LOAD_WARMUP:-10000}
rounds=${H2LOAD_ROUNDS:-2}
usage() { sed -n '6,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while getopts 'n:c:m:t:w:r:h' option; do
  case $option in
    n) requests=$OPTARG ;; c) clients=$OPTARG ;; m) streams=$OPTARG ;; t) threads=$OPTARG ;;
    w) warmup=$OPTARG ;; r) rounds=$OPTARG ;; *) usage ;;
  esac
done
shift $((OPTIND - 1))
[[ $# -eq 0 ]] || usage

for tool in h2load nghttp; do
  command -v "$tool" >/dev/null || { echo "$tool not found: apt-get install nghttp2-client" >&2; exit 1; }
done
command -v dotnet >/dev/null || { echo "dotnet not found: install the .NET 10 SDK" >&2; exit 1; }

cd "$(dirname "$0")/../.."
out=bin/Release/net10.0
silo_dll=silo/ReverseLogistics.Silo/$out/ReverseLogistics.Silo.dll
echo_dll=clients/ReverseLogistics.Bench.Echo/$out/ReverseLogistics.Bench.Echo.dll
bench_dll=clients/ReverseLogistics.Bench/$out/ReverseLogistics.Bench.dll

echo "building (Release)..." >&2
# The bench project references the silo, so its build is the silo's too.
for project in clients/ReverseLogistics.Bench clients/ReverseLogistics.Bench.Echo; do
  log=$(dotnet build -c Release --nologo -v q "$project" 2>&1) || { echo "$log" >&2; echo "build of $project failed" >&2; exit 1; }
done

work=$(mktemp -d -t rl-h2load.XXXXXX)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

operator_key=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')

RL_OPERATOR_KEY=$operator_key dotnet "$silo_dll" --port 0 --data-dir "$work/data" >"$work/silo.log" 2>&1 &
silo_pid=$!
pids+=("$silo_pid")
dotnet "$echo_dll" --port 0 >"$work/echo.log" 2>&1 &
echo_pid=$!
pids+=("$echo_pid")

# Both bind port 0 and say where they landed: the silo in its startup log, the echo server on stdout.
# address PID LOG SED-EXPRESSION: waits up to 60 s for the address to appear in LOG.
address() {
  local pid=$1 log=$2 expression=$3 found i
  for ((i = 0; i < 600; i++)); do
    found=$(sed -n "$expression" "$log" | head -n 1)
    if [[ -n $found ]]; then echo "$found"; return 0; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "no address from PID $pid; its log:" >&2
  cat "$log" >&2
  return 1
}
silo_address=$(address "$silo_pid" "$work/silo.log" 's#.*Now listening on: http://\(127\.0\.0\.1:[0-9]*\).*#\1#p')
echo_address=$(address "$echo_pid" "$work/echo.log" 's/^listening //p')

# The silo answers health SERVING (the frame 00 00000002 08 01) once its checks have run.
printf '\0\0\0\0\0' >"$work/health-probe.body"
serving=no
for ((i = 0; i < 600; i++)); do
  answer=$(nghttp -H 'content-type: application/grpc' -H 'te: trailers' -d "$work/health-probe.body" \
    "http://$silo_address/grpc.health.v1.Health/Check" 2>/dev/null | od -An -tx1 | tr -d ' \n') || true
  if [[ $answer == 00000000020801 ]]; then serving=yes; break; fi
  kill -0 "$silo_pid" 2>/dev/null || break
  sleep 0.1
done
[[ $serving == yes ]] || { echo "the silo at $silo_address never answered SERVING; its log:" >&2; cat "$work/silo.log" >&2; exit 1; }

# Tenant, merchant key and one return through the public API; the bodies below; each checked for grpc-status 0.
RL_OPERATOR_KEY=$operator_key dotnet "$bench_dll" seed-h2load --silo "$silo_address" --echo "$echo_address" --out "$work" >&2
merchant_key=$(cat "$work/merchant.key")

declare -A url body auth
url[echo]=http://$echo_address/reverselogistics.testing.v1.ConformanceService/Echo
url[health]=http://$silo_address/grpc.health.v1.Health/Check
url[getreturn]=http://$silo_address/reverselogistics.v1.ReturnsService/GetReturn
body[echo]=$work/echo.body
body[health]=$work/health.body
body[getreturn]=$work/getreturn.body
auth[echo]=''
auth[health]=''
auth[getreturn]="authorization: Bearer $merchant_key"
declare -A goal=([echo]='' [health]=0.8 [getreturn]=0.6)

# run TARGET COUNT: one h2load run; its output in $work/h2load.out.
# h2load counts HTTP 200 as success whatever the grpc-status; the silo logs every failed call (CallLoggingInterceptor,
# outside authentication and rate limiting), so $grpc_failed counts the silo's failed calls during the run.
run() {
  local target=$1 count=$2 before
  before=$(grep -c CallLoggingInterceptor "$work/silo.log" || true)
  local headers=(-H 'content-type: application/grpc' -H 'te: trailers')
  [[ -z ${auth[$target]} ]] || headers+=(-H "${auth[$target]}")
  h2load -n "$count" -c "$clients" -m "$streams" -t "$threads" "${headers[@]}" \
    -d "${body[$target]}" "${url[$target]}" >"$work/h2load.out" 2>&1 \
    || { echo "h2load failed against $target:" >&2; cat "$work/h2load.out" >&2; exit 1; }
  sleep 0.2
  grpc_failed=$(( $(grep -c CallLoggingInterceptor "$work/silo.log" || true) - before ))
  [[ $target != echo ]] || grpc_failed=-
}

settings="-n $requests -c $clients -m $streams -t $threads (warm-up -n $warmup)"
echo
echo "h2load unary gRPC, $settings, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "echo $echo_address (bare Grpc.AspNetCore), silo $silo_address (SQLite in a temp dir)"
echo
printf '%-5s  %-9s  %10s  %10s  %6s  %9s  %6s  %s\n' round target 'req/s' succeeded failed grpc-fail ratio goal
for ((round = 1; round <= rounds; round++)); do
  echo_rate=''
  for target in echo health getreturn; do
    run "$target" "$warmup"
    run "$target" "$requests"
    rate=$(sed -n 's/^finished in .*, \([0-9.]*\) req\/s,.*/\1/p' "$work/h2load.out")
    read -r succeeded failed < <(sed -n 's/^requests: .* \([0-9]*\) succeeded, \([0-9]*\) failed,.*/\1 \2/p' "$work/h2load.out")
    [[ -n $echo_rate ]] || echo_rate=$rate
    ratio=$(awk -v a="$rate" -v b="$echo_rate" 'BEGIN { printf "%.2f", a / b }')
    verdict=''
    [[ -z ${goal[$target]} ]] || verdict=$(awk -v r="$ratio" -v g="${goal[$target]}" \
      'BEGIN { printf "≥%s %s", g, (r + 0 >= g + 0 ? "met" : "below") }')
    printf '%-5s  %-9s  %10.0f  %10s  %6s  %9s  %6s  %s\n' "$round" "$target" "$rate" "$succeeded" "$failed" "$grpc_failed" "$ratio" "$verdict"
  done
done
echo
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg); grpc-fail: failed calls in the silo's log during the run"
