#!/usr/bin/env bash
# The mock under hostile and heavy use, at -Xmx256m (the heap the README promises is enough):
#   1. p99 of the normal request mix (wrk, paced) alone, then while 250 slow uploads (1 byte/s, half of
#      them without a key) and 1,000 header-slowloris connections hold on: the ratio is the result;
#   2. 20 concurrent 10 MB single-image uploads, then 20 concurrent two-person 2 x 10 MB uploads.
# Prints markdown. About 2.5 minutes. Loopback only; every attack ends by itself.
#
#   bash mock-server/bench/hostile.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
BENCH=mock-server/bench
JAR=mock-server/target/kling-effects-mock-server.jar
SECONDS_PER_RUN=${HOSTILE_SECONDS:-20}
KEY=bench-key
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests -pl mock-server -am >/dev/null
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
ulimit -n 8192 2>/dev/null || true

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
java -Xmx256m -jar "$JAR" --port "$port" --access-log false > "$BENCH/.work/hostile.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 0.1; done
curl -s -o /dev/null -X POST -H 'Content-Type: application/json' "http://127.0.0.1:$port/__admin/tasks" \
  -d "{\"task_id\": \"task-bench\", \"api_key\": \"$KEY\", \"status\": \"success\"}"

# paced [MIX]: the mix (or only polls) at a moderate fixed rate, for latency that is not queueing.
paced() {
  BENCH_MIX=${1:-} BENCH_KEY=$KEY BENCH_TASK=task-bench BENCH_DELAY_MS=10 wrk -t2 -c50 -d"${SECONDS_PER_RUN}s" --latency \
    -s $BENCH/mix.lua "http://127.0.0.1:$port" | grep RESULT
}
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<< "$2"; }

BENCH_KEY=$KEY BENCH_TASK=task-bench wrk -t2 -c50 -d5s -s $BENCH/mix.lua "http://127.0.0.1:$port" >/dev/null
alone=$(paced)
polls_alone=$(paced poll)
python3 $BENCH/hostile.py slow "$port" $(( 2 * SECONDS_PER_RUN + 5 )) 250 1000 > "$BENCH/.work/attack.json" &
attacker=$!
sleep 3   # let the attackers connect before measuring
attacked=$(paced)
polls_attacked=$(paced poll)
wait $attacker
attack=$(cat "$BENCH/.work/attack.json")
health=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health")
single=$(python3 $BENCH/hostile.py big "$port" 20 1)
double=$(python3 $BENCH/hostile.py big "$port" 20 2)
oom=$(grep -c OutOfMemoryError "$BENCH/.work/hostile.log" || true)
health_after=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health")

us_ms() { awk "BEGIN{printf \"%.2f\", $1/1000}"; }
echo "| normal mix, paced (wrk -t2 -c50, 10 ms pauses) | req/s | p50 ms | p99 ms | 5xx | socket errors |"
echo "|---|---|---|---|---|---|"
echo "| alone | $(field rps "$alone") | $(us_ms "$(field p50_us "$alone")") | $(us_ms "$(field p99_us "$alone")") | $(field s5xx "$alone") | $(field socket_errors "$alone") |"
echo "| during 250 slow uploads + 1,000 slowloris | $(field rps "$attacked") | $(us_ms "$(field p50_us "$attacked")") | $(us_ms "$(field p99_us "$attacked")") | $(field s5xx "$attacked") | $(field socket_errors "$attacked") |"
echo "| polls only, alone | $(field rps "$polls_alone") | $(us_ms "$(field p50_us "$polls_alone")") | $(us_ms "$(field p99_us "$polls_alone")") | $(field s5xx "$polls_alone") | $(field socket_errors "$polls_alone") |"
echo "| polls only, during the attack | $(field rps "$polls_attacked") | $(us_ms "$(field p50_us "$polls_attacked")") | $(us_ms "$(field p99_us "$polls_attacked")") | $(field s5xx "$polls_attacked") | $(field socket_errors "$polls_attacked") |"
echo
echo "p99 under attack / p99 alone: mix $(awk -v a="$(field p99_us "$attacked")" -v b="$(field p99_us "$alone")" 'BEGIN{printf "%.2fx", a/b}'),"\
     "polls $(awk -v a="$(field p99_us "$polls_attacked")" -v b="$(field p99_us "$polls_alone")" 'BEGIN{printf "%.2fx", a/b}')"
echo "(a submit whose small body has arrived whole needs no upload place; a larger one is refused with 503 while slow uploads hold all --max-uploads places: see README)"
echo
echo "attackers' answers (status: count; 'unanswered' = still held when the attack ended): \`$attack\`; health during/after: $health"
echo
echo "20 concurrent 10 MB single-image uploads at -Xmx256m: \`$single\`"
echo
echo "20 concurrent two-person 2 x 10 MB uploads at -Xmx256m: \`$double\`"
echo
echo "OutOfMemoryError in the log: $oom; health afterwards: $health_after"
