#!/usr/bin/env bash
# Starts a throw-away ClamAV daemon (Debian package) on loopback for the upload-scanning tests and
# prints where it listens. Usage: eval "$(bash .ci/clamd.sh)"   — stop with: bash .ci/clamd.sh stop
# No signature download is possible here (never run freshclam): the database is a local one with
# the EICAR test signature only, written below.
set -euo pipefail
PORT="${MOTCUA_CLAMD_PORT:-53310}"
ROOT="${MOTCUA_CLAMD_ROOT:-/tmp/motcua-clamd-$PORT}"
if ! command -v clamd >/dev/null 2>&1 && [ ! -x /usr/sbin/clamd ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clamav-daemon) >&2
fi
CLAMD=$(command -v clamd || echo /usr/sbin/clamd)
if [ "${1:-}" = "stop" ]; then
  if [ -f "$ROOT/clamd.pid" ]; then
    kill "$(cat "$ROOT/clamd.pid")" 2>/dev/null || true
    rm -f "$ROOT/clamd.pid"
  fi
  exit 0
fi
mkdir -p "$ROOT/db"
# EICAR test string (eicar.org) as a body signature matching anywhere in any file type
# (ClamAV "Creating signatures": Name:TargetType:Offset:HexSignature), so it is found inside a PDF too.
EICAR='X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'
printf 'Eicar-Signature:0:*:%s\n' "$(printf '%s' "$EICAR" | od -An -tx1 | tr -d ' \n')" > "$ROOT/db/motcua-test.ndb"
cat > "$ROOT/clamd.conf" <<CONF
DatabaseDirectory $ROOT/db
TCPSocket $PORT
TCPAddr 127.0.0.1
LocalSocket $ROOT/clamd.sock
PidFile $ROOT/clamd.pid
LogFile $ROOT/clamd.log
Foreground no
StreamMaxLength 30M
MaxFileSize 30M
MaxScanSize 100M
AlertExceedsMax yes
CONF
if [ "$(id -u)" = "0" ]; then
  echo "User root" >> "$ROOT/clamd.conf"
fi
ping() {
  { exec 3<>"/dev/tcp/127.0.0.1/$PORT"; } 2>/dev/null || return 1
  printf 'zPING\0' >&3
  local reply
  IFS= read -r -d '' -t 2 reply <&3 || true
  exec 3>&-
  [ "$reply" = "PONG" ]
}
if ! ping; then
  "$CLAMD" --config-file="$ROOT/clamd.conf" >&2
  for _ in $(seq 1 120); do
    ping && break
    sleep 0.5
  done
  ping || { echo "clamd did not answer PING on 127.0.0.1:$PORT; see $ROOT/clamd.log" >&2; exit 1; }
fi
echo "export MOTCUA_TEST_CLAMD='127.0.0.1:$PORT' MOTCUA_TEST_CLAMD_SOCKET='$ROOT/clamd.sock'"
