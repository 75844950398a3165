#!/usr/bin/env bash
# Durability under crashes, repeatable: about 2,500 online submissions (8 clients, bench durability-load)
# while the deployable is killed with kill -9 three times (restarted at once each time) and PostgreSQL
# is stopped in immediate mode (a crash: no checkpoint) and started again; then counts acknowledged
# dossiers missing from the database and dossiers stored twice for one idempotency key (expected 0 and
# 0) and appends the figures to bench/RESULTS.md. PostgreSQL runs with fsync and synchronous_commit on.
# Usage, from anywhere: bash bench/durability.sh   (env: MOTCUA_PG_PORT, MOTCUA_PG_ROOT, TOTAL, APP_PORT)
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
PORT="${MOTCUA_PG_PORT:-55446}"
ROOT="${MOTCUA_PG_ROOT:-$REPO/bench/.work/pg-durability}-fsync"
TOTAL="${TOTAL:-2500}"
# A free port of its own: a fixed one may be another benchmark's server on a shared machine.
APP_PORT="${APP_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
URL="http://127.0.0.1:$APP_PORT"
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
RUN_AS=()
if [ "$(id -u)" = "0" ]; then RUN_AS=(runuser -u postgres --); fi
mkdir -p "$REPO/bench/.work"
WORK=$(mktemp -d "$REPO/bench/.work/durability-XXXXXX")
ACKS="$WORK/acks.tsv"
APP=""
LOAD=""

pg_start() {
  "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$ROOT/data" -l "$ROOT/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $ROOT -c fsync=on -c synchronous_commit=on -c max_connections=300" start >/dev/null
}
pg_stop() { "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$ROOT/data" stop -m "$1" >/dev/null || true; }
psql_() { "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -At -v ON_ERROR_STOP=1 "$@"; }
cleanup() {
  [ -n "$LOAD" ] && kill "$LOAD" 2>/dev/null || true
  [ -n "$APP" ] && kill -9 "$APP" 2>/dev/null || true
  pg_stop fast
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== build (Release)" >&2
dotnet build -c Release src/MotCua.Web >/dev/null
dotnet build -c Release bench/MotCua.Bench >/dev/null
DLL="$REPO/src/MotCua.Web/bin/Release/net10.0/MotCua.Web.dll"
BENCH="$REPO/bench/MotCua.Bench/bin/Release/net10.0/MotCua.Bench.dll"

echo "== PostgreSQL on $PORT (fsync on), folder $ROOT" >&2
if [ ! -f "$ROOT/data/PG_VERSION" ]; then
  mkdir -p "$ROOT"
  if [ "$(id -u)" = "0" ]; then chown postgres "$ROOT"; fi
  "${RUN_AS[@]}" "$BIN/initdb" -D "$ROOT/data" -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null
fi
pg_start
psql_ -d postgres -c "DROP DATABASE IF EXISTS motcua_durability WITH (FORCE)" -c "CREATE DATABASE motcua_durability ENCODING 'UTF8' TEMPLATE template0" >/dev/null
export Database__Provider=Postgres
export Database__ConnectionString="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=motcua_durability"
export Database__MigrateOnStart=true
export Logging__LogLevel__Default=Warning
export Notifications__FilePath="$WORK/notifications.jsonl"
(cd "$WORK" && dotnet "$DLL" demo-seed >>"$WORK/app.log" 2>&1)

app_start() {
  (cd "$WORK" && exec dotnet "$DLL" --urls "$URL" >>"$WORK/app.log" 2>&1) &
  APP=$!
  for _ in $(seq 1 600); do
    if curl -fs -o /dev/null "$URL/"; then return 0; fi
    sleep 0.1
  done
  echo "the deployable did not start" >&2
  exit 1
}
acks() { if [ -f "$ACKS" ]; then wc -l <"$ACKS"; else echo 0; fi; }
wait_acks() { while [ "$(acks)" -lt "$1" ]; do sleep 0.05; done; }

app_start
started=$(date +%s.%N)
dotnet "$BENCH" durability-load --url "$URL" --total "$TOTAL" --out "$ACKS" >"$WORK/load.log" 2>&1 &
LOAD=$!
for i in 1 2 3; do
  wait_acks $((TOTAL * i / 5))
  echo "== kill -9 of the deployable at $(acks) acknowledged" >&2
  kill -9 "$APP"
  wait "$APP" 2>/dev/null || true
  app_start
done
wait_acks $((TOTAL * 4 / 5))
echo "== PostgreSQL stopped in immediate mode (crash) at $(acks) acknowledged, started again" >&2
pg_stop immediate
pg_start
wait "$LOAD"
LOAD=""
elapsed=$(echo "$(date +%s.%N) - $started" | bc)

psql_ -d motcua_durability -c 'CREATE TABLE bench_acks (key text, id bigint)' >/dev/null
psql_ -d motcua_durability -c "\\copy bench_acks FROM '$ACKS'" >/dev/null
acknowledged=$(psql_ -d motcua_durability -c 'SELECT count(*) FROM bench_acks')
missing=$(psql_ -d motcua_durability -c 'SELECT count(*) FROM bench_acks a WHERE NOT EXISTS (SELECT 1 FROM "Dossiers" d WHERE d."Id" = a.id AND d."IdempotencyKey" = a.key)')
duplicates=$(psql_ -d motcua_durability -c 'SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM "Dossiers" WHERE "IdempotencyKey" IS NOT NULL GROUP BY "OwnerAccountId", "IdempotencyKey" HAVING count(*) > 1) t')
acked_twice=$(psql_ -d motcua_durability -c 'SELECT count(*) - count(DISTINCT key) FROM bench_acks')
load_line=$(tail -n 1 "$WORK/load.log")
version=$(psql_ -d postgres -c "SELECT current_setting('server_version')")

cat >>bench/RESULTS.md <<REPORT

## Durability under crashes (bench/durability.sh), PostgreSQL $version, $(date -u '+%Y-%m-%d %H:%M') UTC

$TOTAL online submissions (upload + submit with an Idempotency-Key, 8 clients retrying the same step and
key after any failure, as the portal does) in ${elapsed%.*} s, while the deployable was killed with
\`kill -9\` three times (at 1/5, 2/5 and 3/5 of the run, restarted at once) and PostgreSQL (fsync and
synchronous_commit on) was stopped in immediate mode at 4/5 and started again. Client: $load_line.

| Acknowledged submissions | missing from the database | stored twice for one key | acknowledged twice |
|---|---|---|---|
| $acknowledged | **$missing** | **$duplicates** | $acked_twice |

REPORT
echo "acknowledged $acknowledged, missing $missing, duplicates $duplicates" >&2
[ "$missing" = "0" ] && [ "$duplicates" = "0" ]
