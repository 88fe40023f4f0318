# Sourced by paths-compare.sh and failover.sh: what both need before and after their runs.
#   loadgen_setup WORK-PREFIX TOOL...   checks the tools, starts deploy/local/postgres.sh's server (never stops it),
#                                       builds the silo and rl-loadgen in Release and makes a work directory.
# It sets silo_dll, loadgen_dll, pg_host, pg_port, pg_user, PGPASSWORD (exported), work and operator_key, and arranges
# that on exit only what the script started goes: the PIDs in pids (in the order started), the databases made with
# create_database, and the work directory.

pids=()
databases=()

loadgen_setup() {
  local prefix=$1 tool project log
  shift
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$tool not found (pgbench, psql: apt-get install postgresql-client)" >&2; exit 1; }
  done

  cd "$(dirname "${BASH_SOURCE[0]}")/../.."
  local out=bin/Release/net10.0
  silo_dll=silo/ReverseLogistics.Silo/$out/ReverseLogistics.Silo.dll
  loadgen_dll=clients/ReverseLogistics.LoadGen/$out/rl-loadgen.dll

  deploy/local/postgres.sh start >&2
  # postgres.sh env prints: export RL_TEST_POSTGRES='Host=...;Port=...;Username=...;Password=...;Database=rl_test'
  local connection
  connection=$(deploy/local/postgres.sh env | sed -e "s/^export RL_TEST_POSTGRES='//" -e "s/'$//")
  field() { echo "$connection" | tr ';' '\n' | sed -n "s/^$1=//p"; }
  pg_host=$(field Host)
  pg_port=$(field Port)
  pg_user=$(field Username)
  export PGPASSWORD
  PGPASSWORD=$(field Password)

  echo "building (Release)..." >&2
  for project in silo/ReverseLogistics.Silo clients/ReverseLogistics.LoadGen; do
    log=$(dotnet build -c Release --nologo -v q "$project" 2>&1) || { echo "$log" >&2; echo "build of $project failed" >&2; exit 1; }
  done

  work=$(mktemp -d -t "$prefix.XXXXXX")
  operator_key=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
  trap loadgen_cleanup EXIT
  trap 'exit 130' INT TERM
}

psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres "$@"; }

# create_database NAME: a fresh database, dropped on exit.
create_database() {
  psql_admin -c "CREATE DATABASE $1"
  databases+=("$1")
}

# forget PID: it has exited and been waited for; cleanup must not signal a PID that may since belong to another process.
forget() {
  local kept=() p
  for p in "${pids[@]}"; do [[ $p == "$1" ]] || kept+=("$p"); done
  pids=("${kept[@]}")
}

loadgen_cleanup() {
  local pid db
  # Only what this script started: its processes by PID, then its own databases.
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  for db in "${databases[@]}"; do psql_admin -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null || true; done
  [[ -z ${work:-} ]] || rm -rf "$work"
}

# A port nothing listens on (bash's /dev/tcp connects only when something does).
free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}
