#!/usr/bin/env bash
# WeChat benchmark of a Release build, on 127.0.0.1 only:
#   1. BenchmarkDotNet (WeChatBenchmarks): BuildArticle (a ~6,000-character story with a table, 6 pictures and
#      5 outside links into its WeChat rendition, wechat.css inlined), SecurePushRoundTrip and
#      SecurePushRoundTripBusy (a secure push read, a 5-article news reply made and encrypted: the callback
#      minus its database, with the replay memory of 1 and of 20 pushes/s); mean, median, bytes allocated.
#   2. Load on /wechat/callback: the CMS published and started on a fresh data folder with a fixed account
#      (no emulator), then 16 concurrent followers send secure-mode text messages for 10 s (5 s warm-up);
#      requests/s, p50/p95/p99 latency, errors (every reply is decrypted and checked), the server's CPU per
#      request and peak RSS (Linux /proc). `uptime` is printed around each part: other work skews the figures.
# Usage: tests/benchmarks/wechat.sh [port]. 3-5 minutes on 2 cores (BenchmarkDotNet's own build of the CMS
# takes 1-2 of them). Needs curl. Not part of the test command.
# Reports are kept in tests/benchmarks/PatentWeek.Cms.Benchmarks/bin/BenchmarkDotNet.Artifacts.
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${1:-5092}
url="http://127.0.0.1:$port"
project=tests/benchmarks/PatentWeek.Cms.Benchmarks
artifacts="$project/bin/BenchmarkDotNet.Artifacts"
# A made-up account: WeChat is never called, the load generator plays WeChat with the same values.
app_id=wx5f2c8e1a9b3d7c60
token=PatentWeekBench2026
aes_key=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG

echo "load at start: $(uptime)"
if ! log=$(dotnet build "$project" -c Release --nologo -v quiet 2>&1); then echo "$log"; exit 1; fi
dll=$(dotnet msbuild "$project" -p:Configuration=Release -getProperty:TargetPath)

echo "== BenchmarkDotNet (full log: $artifacts/wechat.log)"
mkdir -p "$artifacts"
# BenchmarkDotNet builds in a folder it generates under bin/ and reuses; a build it interrupted can leave an
# empty static web assets cache there, which fails every later build.
find "$project/bin" -maxdepth 4 -type d -name 'PatentWeek.Cms.Benchmarks-Job-*' -prune -exec rm -rf {} +
dotnet "$dll" wechat --artifacts "$artifacts" --filter '*WeChatBenchmarks*' >"$artifacts/wechat.log" 2>&1 \
  || { tail -n 40 "$artifacts/wechat.log"; exit 1; }
grep -m1 "// WeChat article:" "$artifacts/wechat.log" || true
cat "$artifacts"/results/*WeChatBenchmarks-report-github.md
echo "load after BenchmarkDotNet: $(uptime)"

out=$(mktemp -d)
pid=
trap 'if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; rm -rf "$out"' EXIT
dotnet publish src/PatentWeek.Cms -c Release -o "$out/app" --nologo -v quiet >/dev/null

ASPNETCORE_ENVIRONMENT=Production dotnet "$out/app/PatentWeek.Cms.dll" --urls "$url" \
  --Cms:DataPath "$out/data" --Cms:ContentPath "$PWD/content" --Cms:ThemesPath "$PWD/themes" \
  --WeChat:Emulator false --WeChat:AppId "$app_id" --WeChat:AppSecret x --WeChat:Token "$token" \
  --WeChat:EncodingAESKey "$aes_key" --Logging:LogLevel:Default Warning >"$out/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health" || true)" = 200 ]; then break; fi
  sleep 0.05
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health" || true)" = 200 ] || { echo "the CMS did not start:"; tail -n 40 "$out/server.log"; exit 1; }

echo
echo "== /wechat/callback, secure mode, 16 concurrent followers for 10 s"
echo "load before the run: $(uptime)"
status=0
dotnet "$dll" callback "$url" 10 16 "$app_id" "$token" "$aes_key" "$pid" || status=$?
echo "server peak RSS: $(awk '/VmHWM/ {printf "%.0f MiB", $2 / 1024}' "/proc/$pid/status")"
echo "load after the run: $(uptime)"
exit "$status"
