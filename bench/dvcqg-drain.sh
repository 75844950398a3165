#!/usr/bin/env bash
# DVCQG backlog drain (DvcqgDrainBench): a throw-away PostgreSQL with fsync and synchronous commit ON,
# the DVCQG simulator (sim/MotCua.Simulator, Release, its own process), then bench `dvcqg-drain` starts
# the Release deployable against both, measures accept latency with an empty queue, writes the backlog
# (default 20,000 dossiers × 5 changes = 100,000 messages), the simulator's bare rate (baseline), the
# drain and accept latency during it, checks per-dossier order, and appends the figures to bench/RESULTS.md.
# Usage, from anywhere: bash bench/dvcqg-drain.sh [--dossiers 20000] [--workers 4] [--rounds 300]
#   [--writer app|sql] [--max-drain-minutes 10]   (env: MOTCUA_PG_PORT, MOTCUA_PG_ROOT; SKIP_BUILD=1 uses the last Release builds)
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
PORT="${MOTCUA_PG_PORT:-55447}"
ROOT="${MOTCUA_PG_ROOT:-$REPO/bench/.work/pg-dvcqg}"
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
RUN_AS=()
if [ "$(id -u)" = "0" ]; then RUN_AS=(runuser -u postgres --); fi
SIM_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$REPO/bench/.work"
SIM=""
cleanup() {
  [ -n "$SIM" ] && kill "$SIM" 2>/dev/null || true
  "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$ROOT/data" stop -m fast >&2 || true
}
trap cleanup EXIT

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== build (Release)" >&2
  dotnet build -c Release src/MotCua.Web >/dev/null
  dotnet build -c Release sim/MotCua.Simulator >/dev/null
  dotnet build -c Release bench/MotCua.Bench >/dev/null
fi

echo "== PostgreSQL on $PORT (fsync on), folder $ROOT" >&2
if [ ! -f "$ROOT/data/PG_VERSION" ]; then
  mkdir -p "$ROOT"
  if [ "$(id -u)" = "0" ]; then chown postgres "$ROOT"; fi
  "${RUN_AS[@]}" "$BIN/initdb" -D "$ROOT/data" -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null
fi
"${RUN_AS[@]}" "$BIN/pg_ctl" -D "$ROOT/data" -l "$ROOT/log" -w -o "-c listen_addresses=127.0.0.1 -p $PORT -k $ROOT \
  -c fsync=on -c synchronous_commit=on -c max_connections=300 -c shared_buffers=512MB" start >&2

echo "== simulator on $SIM_PORT" >&2
dotnet sim/MotCua.Simulator/bin/Release/net10.0/MotCua.Simulator.dll --urls "http://127.0.0.1:$SIM_PORT" \
  --Logging:LogLevel:Default=Warning >"$REPO/bench/.work/simulator.log" 2>&1 &
SIM=$!
until (echo >"/dev/tcp/127.0.0.1/$SIM_PORT") 2>/dev/null; do sleep 0.2; done

dotnet bench/MotCua.Bench/bin/Release/net10.0/MotCua.Bench.dll dvcqg-drain \
  --postgres "Host=127.0.0.1;Port=$PORT;Username=postgres" --simulator "http://127.0.0.1:$SIM_PORT" "$@"
