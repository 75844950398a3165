#!/usr/bin/env bash
# Outbox drain benchmark: a local SMTP sink (Debian python3-aiosmtpd), a throw-away PostgreSQL with
# fsync and synchronous commit ON, the Release deployable, then bench `outbox` (OutboxBench.cs) appends
# its figures to bench/RESULTS.md. Usage, from anywhere:
#   bash bench/outbox.sh [--messages 100000] [--workers 4] [--max-drain-minutes 10]
# (env: MOTCUA_PG_PORT, MOTCUA_PG_ROOT; SMTP_PORT, default a free one; SKIP_BUILD=1 uses the last Release builds)
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
PORT="${MOTCUA_PG_PORT:-55448}"
ROOT="${MOTCUA_PG_ROOT:-$REPO/bench/.work/pg-outbox}"
SMTP_PORT="${SMTP_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
RUN_AS=()
if [ "$(id -u)" = "0" ]; then RUN_AS=(runuser -u postgres --); fi
/usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-aiosmtpd; } >&2
mkdir -p "$REPO/bench/.work"
SINK=""
cleanup() {
  [ -n "$SINK" ] && kill "$SINK" 2>/dev/null || true
  "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$ROOT/data" stop -m fast >&2 || true
}
trap cleanup EXIT

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== build (Release)" >&2
  dotnet build -c Release src/MotCua.Web >/dev/null
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

echo "== SMTP sink on $SMTP_PORT" >&2
# The sink discards what it receives (its handler answers 250 to every message and prints nothing).
/usr/bin/python3 -c "
import sys, threading
from aiosmtpd.controller import Controller
class Sink:
    async def handle_DATA(self, server, session, envelope):
        return '250 OK'
c = Controller(Sink(), hostname='127.0.0.1', port=int(sys.argv[1])); c.start()
threading.Event().wait()
" "$SMTP_PORT" &
SINK=$!
until (echo >"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null; do sleep 0.2; done

dotnet bench/MotCua.Bench/bin/Release/net10.0/MotCua.Bench.dll outbox \
  --postgres "Host=127.0.0.1;Port=$PORT;Username=postgres" --smtp-port "$SMTP_PORT" "$@"
