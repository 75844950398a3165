#!/usr/bin/env bash
# Outbox drain benchmark: a local SMTP sink (Debian python3-aiosmtpd), a throw-away PostgreSQL
# (.ci/postgres.sh), the Release deployable, then bench `outbox` (OutboxBench.cs) appends its figures
# to bench/RESULTS.md. Usage: bash bench/outbox.sh [--messages 100000] [--workers 4]
# (env: MOTCUA_PG_PORT, MOTCUA_PG_ROOT as for .ci/postgres.sh; SMTP_PORT, default 2525)
set -euo pipefail
cd "$(dirname "$0")/.."
SMTP_PORT="${SMTP_PORT:-2525}"
/usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-aiosmtpd; } >&2
eval "$(bash .ci/postgres.sh)"
# The sink discards what it receives (a handler-less aiosmtpd answers 250 to every message).
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
trap 'kill $SINK 2>/dev/null || true; bash .ci/postgres.sh stop' EXIT
dotnet build -c Release src/MotCua.Web >/dev/null
dotnet run -c Release --project bench/MotCua.Bench -- outbox --postgres "$MOTCUA_TEST_POSTGRES" --smtp-port "$SMTP_PORT" "$@"
