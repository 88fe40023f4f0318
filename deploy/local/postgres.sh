#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for development and tests; no systemd needed.
#
#   deploy/local/postgres.sh start    initdb + start (reuses the server if it already runs)
#   deploy/local/postgres.sh stop     stop it and delete its files
#   deploy/local/postgres.sh env      print `export RL_TEST_POSTGRES=...` (use with eval)
#
# Needs PostgreSQL's server binaries (Debian: apt-get install postgresql). As root, the
# server runs as the `postgres` user, since PostgreSQL refuses to run as root.
# RL_PG_PORT (default 55432) and RL_PG_DIR (default /tmp/rl-postgres) pick where it lives.
set -euo pipefail

port="${RL_PG_PORT:-55432}"
dir="${RL_PG_DIR:-/tmp/rl-postgres}"
data="$dir/data"

bindir() {
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -z "$found" ]] && command -v pg_config >/dev/null; then found="$(pg_config --bindir)"; fi
  if [[ -z "$found" || ! -x "$found/initdb" ]]; then
    echo "postgres.sh: no PostgreSQL server binaries found (Debian: apt-get install postgresql)" >&2
    exit 1
  fi
  echo "$found"
}

# Runs a server binary as the user that owns the cluster.
as_owner() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Running and answering: a postmaster killed with SIGKILL can linger as a zombie that pg_ctl
# still reports as running.
running() {
  [[ -f "$data/PG_VERSION" ]] && as_owner "$(bindir)/pg_ctl" status -D "$data" >/dev/null 2>&1 \
    && "$(bindir)/pg_isready" -q -h 127.0.0.1 -p "$port"
}

start() {
  local bin
  bin="$(bindir)"
  if running; then
    echo "postgres.sh: already running on 127.0.0.1:$port ($data)"
    return
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$dir/password"
  if [[ "$(id -u)" == 0 ]]; then chown -R postgres:postgres "$dir"; fi
  chmod 700 "$dir"
  as_owner "$bin/initdb" -D "$data" -U postgres --pwfile="$dir/password" \
    --auth-host=scram-sha-256 --auth-local=peer -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
  as_owner "$bin/pg_ctl" start -D "$data" -l "$dir/server.log" \
    -o "-h 127.0.0.1 -p $port -k $dir" >/dev/null
  for _ in $(seq 1 60); do
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
      echo "postgres.sh: running on 127.0.0.1:$port ($data)"
      return
    fi
    sleep 1
  done
  echo "postgres.sh: server did not become ready; log follows" >&2
  cat "$dir/server.log" >&2
  exit 1
}

stop() {
  if running; then as_owner "$(bindir)/pg_ctl" stop -D "$data" -m fast -w >/dev/null || true; fi
  rm -rf "$dir"
}

env() {
  if [[ ! -f "$dir/password" ]]; then
    echo "postgres.sh: not started (run: $0 start)" >&2
    exit 1
  fi
  echo "export RL_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Password=$(cat "$dir/password");Database=rl_test'"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) env ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
