#!/usr/bin/env bash
# Search benchmark of a Release build, on SQLite and on PostgreSQL in one run (tests/benchmarks/PatentWeek.Cms.Benchmarks,
# mode "search"; SearchLoad.cs says what it generates and measures):
#   1. a fresh database per provider: migrations, the seed, then N generated items (default 20,000, ~600 characters each)
#      written through the CMS's own writer;
#   2. index build: `search rebuild`'s indexer over every item, timed;
#   3. each query of the table (1, 2 and 3+ characters, two words, Latin prefixes, a quoted phrase; common and selective)
#      100 times after 10 warm-ups through PublicSearch, as the site and the API run it: p50/p95/p99 ms, next to the
#      substring scan (LIKE '%…%' over title, summary and body) on the same rows as the baseline of the same run;
#   4. the result counts of both providers compared: the script fails when they differ.
# PostgreSQL: the server named by CMS_TEST_POSTGRES (an admin connection string), else a throw-away cluster started
# here with tests/scripts/start-postgres.sh (needs the postgresql package). Usage: tests/benchmarks/search.sh [items].
# About 6 minutes on 2 cores. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/../.."
items=${1:-20000}
project=tests/benchmarks/PatentWeek.Cms.Benchmarks
work=$(mktemp -d)
# The throw-away cluster belongs to the postgres user, who must reach its folder inside this one.
chmod 755 "$work"
pg_started=
cleanup() {
  if [ -n "$pg_started" ]; then
    runuser -u postgres -- "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if ! log=$(dotnet build "$project" -c Release --nologo -v quiet 2>&1); then echo "$log"; exit 1; fi
dll=$(dotnet msbuild "$project" -p:Configuration=Release -getProperty:TargetPath)
postgres=${CMS_TEST_POSTGRES:-}
if [ -z "$postgres" ]; then
  postgres=$(tests/scripts/start-postgres.sh "$work/pg" 55439)
  pg_started=1
fi

echo "load at start: $(uptime)"
for provider in sqlite postgres; do
  echo "== $provider"
  dotnet "$dll" search "$provider" "$items" "$postgres" >"$work/$provider.txt" 2>&1 || { tail -n 40 "$work/$provider.txt"; exit 1; }
  grep -E '^(\||sqlite:|postgres:)' "$work/$provider.txt"
done
echo "load at end: $(uptime)"

if diff <(grep '^COUNT' "$work/sqlite.txt") <(grep '^COUNT' "$work/postgres.txt") >/dev/null; then
  echo "result counts: identical on both providers ($(grep -c '^COUNT' "$work/sqlite.txt") queries)"
else
  echo "result counts DIFFER:"; diff <(grep '^COUNT' "$work/sqlite.txt") <(grep '^COUNT' "$work/postgres.txt") || true
  exit 1
fi
