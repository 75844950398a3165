#!/usr/bin/env bash
# The README's test command. Installs from Debian what the tests need and is missing, starts the
# throw-away services on loopback (PostgreSQL, and clamd once .ci/clamd.sh exists), runs every test
# on SQLite and, because MOTCUA_TEST_POSTGRES is set, the database tests on PostgreSQL too, stops the
# services on exit, and prints "N passed, N failed" and how many tests ran on PostgreSQL.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter "FullyQualifiedName~Calendar").
# Service scripts share one protocol: `eval "$(bash .ci/<name>.sh)"` starts the service and prints
# `export …` lines; `bash .ci/<name>.sh stop` stops it.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

missing=()
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
# Browser tests drive Debian's Chromium, never a downloaded one.
[ -x /usr/bin/chromium ] || missing+=(chromium)
# The PDF form tests read the forms back with pdftotext.
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing from Debian: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

services=(postgres)
[ -f .ci/clamd.sh ] && services+=(clamd)
export MOTCUA_PG_ROOT="${MOTCUA_PG_ROOT:-/tmp/motcua-test-pg-$$}" MOTCUA_PG_PORT="${MOTCUA_PG_PORT:-55439}"
stop_services() {
  for service in "${services[@]}"; do bash ".ci/$service.sh" stop >/dev/null 2>&1 || true; done
}
trap stop_services EXIT
for service in "${services[@]}"; do
  echo "== starting $service on 127.0.0.1"
  eval "$(bash ".ci/$service.sh")"
done
export MOTCUA_TEST_POSTGRES

echo "== tests"
results="$(mktemp -d)"
set +e
dotnet test MotCua.slnx --logger trx --results-directory "$results" "$@" 2>&1 | tee "$results/console.txt"
status=${PIPESTATUS[0]}
set -e

trx=$(find "$results" -name '*.trx')
if [ -n "$trx" ]; then
  # shellcheck disable=SC2086
  count() { { cat $trx | grep -o "$1" || true; } | wc -l; }
  passed=$(count '<UnitTestResult [^>]*outcome="Passed"')
  failed=$(count '<UnitTestResult [^>]*outcome="Failed"')
  postgres=$(count '<UnitTestResult [^>]*testName="[^"]*db: Postgres[^"]*"')
  echo "== tests that ran on PostgreSQL: $postgres"
  # A whole run must reach PostgreSQL; a filtered one (arguments given) may legitimately not.
  if [ $# -eq 0 ] && [ "$postgres" -eq 0 ]; then echo "no test ran on PostgreSQL"; status=1; fi
  echo "$passed passed, $failed failed"
fi
exit "$status"
