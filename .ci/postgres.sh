#!/usr/bin/env bash
# Starts a throw-away PostgreSQL (Debian package) on 127.0.0.1 for the database tests and prints
# the connection string. Usage: eval "$(bash .ci/postgres.sh)"   — stop with: bash .ci/postgres.sh stop
set -euo pipefail
PORT="${MOTCUA_PG_PORT:-55432}"
# /tmp, not $TMPDIR: the postgres user must be able to reach the folder.
ROOT="${MOTCUA_PG_ROOT:-/tmp/motcua-pg}"
if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
RUN_AS=()
if [ "$(id -u)" = "0" ]; then RUN_AS=(runuser -u postgres --); fi
if [ "${1:-}" = "stop" ]; then
  "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$ROOT/data" stop -m fast >&2 || true
  exit 0
fi
if [ ! -f "$ROOT/data/PG_VERSION" ]; then
  mkdir -p "$ROOT"
  [ "$(id -u)" = "0" ] && chown postgres "$ROOT"
  "${RUN_AS[@]}" "$BIN/initdb" -D "$ROOT/data" -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >&2
fi
if ! "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$ROOT/data" status >/dev/null 2>&1; then
  "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$ROOT/data" -l "$ROOT/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $ROOT -c fsync=off -c synchronous_commit=off -c max_connections=300" start >&2
fi
echo "export MOTCUA_TEST_POSTGRES='Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres;Include Error Detail=true'"
