#!/usr/bin/env bash
# CreateReturn end to end over gRPC next to pgbench on the same PostgreSQL server in the same run: paths-compare.sh for
# the create-returns path alone (pgbench, an embedded silo, a PostgreSQL-mode silo, pgbench again), with this script's
# own default of 20 s of measured load. See paths-compare.sh for what it needs and does.
#
#   clients/bench/createreturn-compare.sh [-c concurrency] [-d seconds] [-w warm-up-seconds] [-T pgbench-seconds]
# Defaults: -c 64 -d 20 -w 3 -T 15, or from LOADGEN_CONCURRENCY, LOADGEN_DURATION, LOADGEN_WARMUP, PGBENCH_SECONDS.
set -euo pipefail
exec "$(dirname "$0")/paths-compare.sh" -p create-returns -d "${LOADGEN_DURATION:-20}" "$@"
