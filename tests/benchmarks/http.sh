#!/usr/bin/env bash
# HTTP benchmark of a Release build on a fresh embedded data folder, on 127.0.0.1 only:
#   1. cold start: process start to the first 200 from /health (migrations and seed included);
#   2. wrk, 16 connections for 10 s each, on /api/v1/content?kind=news and on the home page.
# Usage: tests/benchmarks/http.sh [port]. Needs wrk (apt-get install wrk). Not part of the test command.
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${1:-5091}
url="http://127.0.0.1:$port"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }

out=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$out"' EXIT
dotnet publish src/PatentWeek.Cms -c Release -o "$out/app" --nologo -v quiet >/dev/null

start=$(date +%s%N)
ASPNETCORE_ENVIRONMENT=Production dotnet "$out/app/PatentWeek.Cms.dll" --urls "$url" \
  --Cms:DataPath "$out/data" --Cms:ContentPath "$PWD/content" --Cms:ThemesPath "$PWD/themes" \
  --Logging:LogLevel:Default Warning >"$out/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health" || true)" = 200 ]; then break; fi
  sleep 0.05
done
ready=$(date +%s%N)
echo "cold start to first 200 on /health: $(( (ready - start) / 1000000 )) ms (fresh data folder: migrate + seed)"

for path in "/api/v1/content?kind=news" "/"; do
  curl -s -o /dev/null "$url$path"   # warm-up
  echo "== GET $path (wrk -t2 -c16 -d10s)"
  wrk -t2 -c16 -d10s --latency "$url$path" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx"
done
