#!/usr/bin/env bash
# Drives grpc.health.v1.Health/Check on a running silo with h2load (Debian: nghttp2-client)
# and prints h2load's figures. A benchmark, not a test: nothing here passes or fails on speed.
#   clients/bench/h2load-health.sh [host:port] [requests] [clients] [streams-per-client]
set -euo pipefail
address=${1:-127.0.0.1:7070}
requests=${2:-200000}
clients=${3:-4}
streams=${4:-64}

command -v h2load >/dev/null || { echo "h2load not found: apt-get install nghttp2-client" >&2; exit 1; }

# One gRPC frame holding an empty HealthCheckRequest: flag 0, length 0.
body=$(mktemp)
trap 'rm -f "$body"' EXIT
printf '\x00\x00\x00\x00\x00' > "$body"

h2load -n "$requests" -c "$clients" -m "$streams" \
  -H 'content-type: application/grpc' -H 'te: trailers' \
  -d "$body" "http://$address/grpc.health.v1.Health/Check"
