#!/usr/bin/env bash
# Load benchmark of the scaled-out shape, all on 127.0.0.1, in one run: a Release build on a throw-away PostgreSQL
# cluster and Redis, migrated and seeded once by the `migrate` command, two instances in the production mode and nginx
# round-robin in front (deploy/nginx.conf with the ports put in), as the multi-instance test runs it. The seed's sample
# items are loaded, so the pages have content.
#   1. baseline: the same request mix against one instance directly (no nginx, the other idle) for BASELINE seconds;
#   2. the farm: the mix through nginx for DURATION seconds (default 300) while an editor publishes a news item every
#      3 seconds through nginx and times until both instances list it; RSS of both instances sampled every 10 s;
#      the output-cache hit ratio from both instances' Prometheus endpoints; 5xx counted by wrk's response hook.
# The mix (one URL per request, in turn): the home page, a list, an item, a city page, a search, and the delivery
# API's list and item. wrk's connections each wait DELAY ms between requests, so the rate is sustained, not the
# most the machine can do; wrk shares the two cores with both instances, nginx, PostgreSQL and Redis.
# Usage: tests/benchmarks/farm.sh. Needs root (the cluster runs as the postgres user), the PostgreSQL server,
# redis-server, nginx, wrk and curl. Not part of the test command.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${DURATION:-300}
baseline=${BASELINE:-60}
delay=${DELAY:-20}
connections=${CONNECTIONS:-32}
for tool in wrk curl redis-server nginx python3 runuser; do command -v "$tool" >/dev/null || { echo "$tool is not installed"; exit 1; }; done
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || { echo "the PostgreSQL server is not installed"; exit 1; }

# Seven distinct free ports, all held open while they are chosen.
read -r pg_port redis_port nginx_port port0 port1 metrics0 metrics1 < <(python3 -c '
import socket
held = [socket.socket() for _ in range(7)]
for s in held: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in held])')
pids=()
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
out=$(mktemp -d)
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  [ -d "$out/pg/data" ] && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$out/pg/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$out"
}
trap cleanup EXIT
chmod 755 "$out" # the cluster's own user must reach its folder
echo "load at start: $(uptime)"
dotnet publish src/PatentWeek.Cms -c Release -o "$out/app" --nologo -v quiet >/dev/null

ports=("$port0" "$port1"); metrics=("$metrics0" "$metrics1")
admin=$(tests/scripts/start-postgres.sh "$out/pg" "$pg_port")
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no >"$out/redis.log" 2>&1 &
pids+=($!)
production=(--Cms:Mode Production --Cms:Database:Provider PostgreSql --ConnectionStrings:Cms "$admin;Database=patentweek"
  --Cms:Redis "127.0.0.1:$redis_port" --Cms:PublicBaseUrl "http://127.0.0.1:$nginx_port" --Cms:ForwardedHeaders:KnownProxies:0 127.0.0.1
  --Cms:DataPath "$out/data" --Cms:ContentPath "$PWD/content" --Cms:ThemesPath "$PWD/themes" --Logging:LogLevel:Default Warning)
cms() { dotnet "$out/app/PatentWeek.Cms.dll" "$@" "${production[@]}" --contentRoot "$out/app"; }
cms migrate --Cms:Seed:Enabled true --Cms:Seed:Samples true >"$out/migrate.log" 2>&1 || { cat "$out/migrate.log"; exit 1; }
password="Bench-$(date +%s)-Horse-42"
printf '%s\n' "$password" | cms users add --email bench@patentweek.test --role Editor >/dev/null

for n in 0 1; do
  # dotnet itself in the background (not a function's subshell), so $! is the process whose RSS is sampled.
  dotnet "$out/app/PatentWeek.Cms.dll" --urls "http://127.0.0.1:${ports[$n]};http://127.0.0.1:${metrics[$n]}" \
    --Cms:Metrics:Port "${metrics[$n]}" "${production[@]}" --contentRoot "$out/app" >"$out/cms$n.log" 2>&1 &
  pids+=($!); cms_pid[$n]=$!
done
mkdir -p "$out/nginx"
sed -e "s/127.0.0.1:5001/127.0.0.1:${ports[0]}/" -e "s/127.0.0.1:5002/127.0.0.1:${ports[1]}/" \
  -e "s/127.0.0.1:8080/127.0.0.1:$nginx_port/" deploy/nginx.conf >"$out/nginx/nginx.conf"
nginx -p "$out/nginx" -c "$out/nginx/nginx.conf" -e stderr -g 'daemon off;' >"$out/nginx.log" 2>&1 &
pids+=($!)
for url in "http://127.0.0.1:${ports[0]}" "http://127.0.0.1:${ports[1]}" "http://127.0.0.1:$nginx_port"; do
  for _ in $(seq 1 600); do [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health/ready" || true)" = 200 ] && break; sleep 0.1; done
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health/ready" || true)" = 200 ] || { echo "$url did not start"; tail -n 30 "$out"/cms*.log; exit 1; }
done
site="http://127.0.0.1:$nginx_port"

item=/news/sample-service-tour-station
api_item=/api/v1/content/news/sample-service-tour-station
[ "$(curl -s -o /dev/null -w '%{http_code}' "$site$item")" = 200 ] || { echo "$item is not there"; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' "$site$api_item")" = 200 ] || api_item=/api/v1/content?kind=story
mix() { # the request mix, with a connection's pause between requests (0: as fast as it goes)
cat <<LUA
local paths = { "/", "/news", "$item", "/city/420100", "/search?q=%E4%B8%93%E5%88%A9", "/api/v1/content?kind=news", "$api_item" }
local threads = {}
local n = 0
function setup(thread) table.insert(threads, thread) end
function init(args) server_errors = 0; n = math.random(1, #paths) end
function delay() return $1 end
function request() n = n % #paths + 1; return wrk.format(nil, paths[n], { ["Accept-Encoding"] = "gzip, deflate, br" }) end
function response(status, headers, body) if status >= 500 then server_errors = server_errors + 1 end end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("server_errors") end
  io.write(string.format("    5xx answers: %d\n", total))
end
LUA
}
mix "$delay" >"$out/mix.lua"
mix 0 >"$out/flat-out.lua"

hits() { # output-cache lookups over both instances: "hits total"
  local h=0 t=0
  for m in "${metrics[@]}"; do
    read -r a b < <(curl -s "http://127.0.0.1:$m/metrics" | awk '/^cms_output_cache_lookups_total\{/ { hit = $0 ~ /result="hit"/; sub(/^[^}]*\} */, ""); t += $1; if (hit) h += $1 } END { printf "%d %d\n", h, t }')
    h=$((h + ${a%.*})); t=$((t + ${b%.*}))
  done
  echo "$h $t"
}
rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
report() { grep -E "Requests/sec|requests in|^ +(50|75|90|99)%|Non-2xx|Socket errors|5xx" "$1" | sed 's/^ */    /'; }

echo
echo "== baseline: one instance directly, ${baseline} s, $connections connections, ${delay} ms between a connection's requests"
wrk -t2 -c"$connections" -d10s -s "$out/mix.lua" "http://127.0.0.1:${ports[0]}" >/dev/null # warm-up, unmeasured
wrk -t2 -c"$connections" -d"${baseline}s" --latency -s "$out/mix.lua" "http://127.0.0.1:${ports[0]}" >"$out/base.txt"
report "$out/base.txt"

echo
echo "== capacity, as fast as wrk goes, 20 s each: one instance directly, then the farm through nginx"
wrk -t2 -c"$connections" -d20s --latency -s "$out/flat-out.lua" "http://127.0.0.1:${ports[0]}" >"$out/cap1.txt"
echo "  one instance:"; report "$out/cap1.txt"
wrk -t2 -c"$connections" -d20s --latency -s "$out/flat-out.lua" "$site" >"$out/cap2.txt"
echo "  two instances behind nginx:"; report "$out/cap2.txt"

echo
echo "== the farm through nginx, ${duration} s, while an editor publishes every 3 s (load: $(uptime | sed 's/.*load/load/'))"
read -r h0 t0 < <(hits)
token=$(curl -s -H 'Content-Type: application/json' -d "{\"email\":\"bench@patentweek.test\",\"password\":\"$password\"}" \
  "$site/api/manage/v1/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')
(
  set +e # one failed call is a line in the results, not the end of the publisher
  end=$(( $(date +%s) + duration ))
  while [ "$(date +%s)" -lt "$end" ]; do
    slug="farm-bench-$(date +%s%N)"
    id=$(curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "{\"kind\":\"news\",\"title\":\"集群压测 $slug\",\"slug\":\"$slug\",\"body\":\"正文\"}" "$site/api/manage/v1/content" | sed -E 's/.*"id":([0-9]+).*/\1/')
    t=$(date +%s%N)
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{}' "$site/api/manage/v1/content/$id/publish")
    worst=0
    for p in "${ports[@]}"; do
      polls=0
      # grep reads the whole answer (no -q): an early exit would fail curl, and pipefail the poll, with the slug found.
      until curl -s "http://127.0.0.1:$p/api/v1/content?kind=news" | grep "$slug" >/dev/null; do
        polls=$((polls + 1)); [ $polls -lt 500 ] || { worst=timeout; break 2; }; sleep 0.01
      done
      seen=$(( ($(date +%s%N) - t) / 1000000 )); [ "$seen" -gt "$worst" ] && worst=$seen
    done
    echo "$code $worst" >>"$out/publishes.txt"
    sleep 3
  done
) &
editor=$!
pids+=("$editor")
(
  while kill -0 "${cms_pid[0]}" 2>/dev/null; do echo "$(date +%s) $(rss "${cms_pid[0]}") $(rss "${cms_pid[1]}")" >>"$out/rss.txt"; sleep 10; done
) &
sampler=$!
pids+=("$sampler")
wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$out/mix.lua" "$site" >"$out/farm.txt"
wait "$editor" || true
kill "$sampler" 2>/dev/null || true
report "$out/farm.txt"
read -r h1 t1 < <(hits)
awk -v h=$((h1 - h0)) -v t=$((t1 - t0)) 'BEGIN { if (t > 0) printf "    output cache: %d hits of %d lookups (%.1f%%)\n", h, t, 100 * h / t }'
timeouts=$(grep -c timeout "$out/publishes.txt" || true)
[ "$timeouts" -eq 0 ] || echo "    publishes not listed on both instances within 5 s: $timeouts"
median=$(awk '$2 != "timeout" { print $2 }' "$out/publishes.txt" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
awk -v median="$median" '{ n++; if ($1 != 200) bad++; if ($2 != "timeout" && $2 + 0 > m) m = $2 + 0 } END {
  printf "    publishes: %d (%d not 200); visible on both instances after %d ms median, %d ms worst\n", n, bad + 0, median, m }' "$out/publishes.txt"
echo "    RSS every 10 s (MiB, instance 1 / instance 2):"
awk 'NR == 1 { s = $1 } { printf "      %4d s  %s / %s\n", $1 - s, $2, $3 }' "$out/rss.txt"
awk 'NR == 1 { a = $2; b = $3 } { if ($2 > ma) ma = $2; if ($3 > mb) mb = $3; la = $2; lb = $3 } END {
  printf "    RSS first -> last (max): %s -> %s (%s) and %s -> %s (%s) MiB\n", a, la, ma, b, lb, mb }' "$out/rss.txt"
grep -h '"LogLevel":"Error"' "$out"/cms*.log | head -n 5 || true
echo
echo "load at the end: $(uptime)"
