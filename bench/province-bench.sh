#!/usr/bin/env bash
# Province paths on PostgreSQL (ProvinceBench): starts a throw-away cluster with fsync and
# synchronous commit ON (production settings) and pg_stat_statements, runs the benchmark for the
# given builds of the deployable, stops the cluster. Usage, from the repository root:
#   dotnet build -c Release src/MotCua.Web && dotnet build -c Release bench/MotCua.Bench
#   bash bench/province-bench.sh [label=path/to/MotCua.Web.dll ...]
# e.g. before=../main-build/src/MotCua.Web/bin/Release/net10.0/MotCua.Web.dll after=src/MotCua.Web/bin/Release/net10.0/MotCua.Web.dll
set -euo pipefail
PORT="${MOTCUA_PG_PORT:-55445}"
ROOT="${MOTCUA_PG_ROOT:-$(pwd)/bench/.work/pg-province-bench}"
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
RUN_AS=()
if [ "$(id -u)" = "0" ]; then RUN_AS=(runuser -u postgres --); fi
if [ ! -f "$ROOT/data/PG_VERSION" ]; then
  mkdir -p "$ROOT"
  [ "$(id -u)" = "0" ] && chown postgres "$ROOT"
  "${RUN_AS[@]}" "$BIN/initdb" -D "$ROOT/data" -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >&2
fi
"${RUN_AS[@]}" "$BIN/pg_ctl" -D "$ROOT/data" -l "$ROOT/log" -w -o "-c listen_addresses=127.0.0.1 -p $PORT -k $ROOT \
  -c fsync=on -c synchronous_commit=on -c max_connections=300 -c shared_buffers=512MB \
  -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_utility=on" start >&2
trap '"${RUN_AS[@]}" "$BIN/pg_ctl" -D "$ROOT/data" stop -m fast >&2 || true' EXIT
dotnet bench/MotCua.Bench/bin/Release/net10.0/MotCua.Bench.dll province --pg "Host=127.0.0.1;Port=$PORT;Username=postgres" --pgdata "$ROOT/data" "$@"
