#!/usr/bin/env bash
# The mock under hostile and heavy use, at -Xmx256m (the heap the README promises is enough):
#   1. p99 of the normal request mix (wrk, paced) alone, then while 250 slow uploads (1 byte/s, half of
#      them without a key) and 1,000 header-slowloris connections hold on: the ratio is the result;
#   2. 20 concurrent 10 MB single-image uploads, then 20 concurrent two-person 2 x 10 MB uploads;
#   3. the second round (#21), each answer checked for the API's error shape, heap read after a full GC:
#      4,100 submits and 4,100 polls with 60 KB keys, 20,000 submits and polls with distinct 1 KB keys (rate
#      limit on); 12 concurrent 28 MB submits whose unknown field holds millions of {} , of distinct member
#      names, or of nested arrays; 2,000 polls with a 30 KB Prefer token and a 30 KB path, counting log bytes
#      with the access log on; six uploads at 60 KB/s across a SIGTERM (a mock of its own).
# Prints markdown. About 5 minutes. Loopback only; every attack ends by itself.
#
#   bash mock-server/bench/hostile.sh
#   HOSTILE_ROUND=2 bash mock-server/bench/hostile.sh   # only part 3 (needs no wrk), about 3 minutes
set -euo pipefail
cd "$(dirname "$0")/../.."
BENCH=mock-server/bench
JAR=mock-server/target/kling-effects-mock-server.jar
SECONDS_PER_RUN=${HOSTILE_SECONDS:-20}
KEY=bench-key
ROUND=${HOSTILE_ROUND:-all}
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests -pl mock-server -am >/dev/null
[ "$ROUND" = 2 ] || command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
ulimit -n 8192 2>/dev/null || true

pid=; pid2=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; [ -n "$pid2" ] && kill $pid2 2>/dev/null; true' EXIT
if [ "$ROUND" != 2 ]; then
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
mkdir -p "$BENCH/.work"
java -Xmx256m -jar "$JAR" --port "$port" --access-log false > "$BENCH/.work/hostile.log" 2>&1 &
pid=$!
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
fi

# ---- Second round (#21): what a client could make the mock hold, log or lose ----
heap_mb() { jcmd "$1" GC.run >/dev/null; jcmd "$1" GC.heap_info | sed -n 's/.*used \([0-9]*\)K.*/\1/p' | head -1 | awk '{printf "%.1f", $1/1024}'; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
await_health() { for _ in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$1/health" && return 0; sleep 0.1; done; return 1; }

mkdir -p "$BENCH/.work"
port2=$(free_port)
java -Xmx256m -jar "$JAR" --port "$port2" --rate-limit 1000000 > "$BENCH/.work/round2.log" 2>&1 &
pid2=$!
await_health "$port2"
heap_start=$(heap_mb $pid2)
keys_submit=$(python3 $BENCH/hostile.py keys "$port2" 4100 60000 submit)
keys_poll=$(python3 $BENCH/hostile.py keys "$port2" 4100 60000 poll)
heap_keys=$(heap_mb $pid2)
distinct_submit=$(python3 $BENCH/hostile.py keys "$port2" 20000 1024 submit)
distinct_poll=$(python3 $BENCH/hostile.py keys "$port2" 20000 1024 poll)
heap_distinct=$(heap_mb $pid2)
unknown_objects=$(python3 $BENCH/hostile.py unknown "$port2" 12 objects)
unknown_members=$(python3 $BENCH/hostile.py unknown "$port2" 12 members)
unknown_deep=$(python3 $BENCH/hostile.py unknown "$port2" 12 deep)
heap_unknown=$(heap_mb $pid2)
log_before=$(stat -c %s "$BENCH/.work/round2.log")
prefer_flood=$(python3 $BENCH/hostile.py prefer "$port2" 2000 30000)
sleep 1.5   # the access log is written after each answer: let the last second's lines and summary land
log_after=$(stat -c %s "$BENCH/.work/round2.log")
health2=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port2/health")
oom2=$(grep -c OutOfMemoryError "$BENCH/.work/round2.log" || true)
kill $pid2; wait $pid2 2>/dev/null || true
pid2=

# A mock of its own for the stop: six uploads at 60 KB/s (four times the minimum rate), SIGTERM one second in.
port3=$(free_port)
java -Xmx256m -jar "$JAR" --port "$port3" --access-log false --shutdown-grace 10 > "$BENCH/.work/stop.log" 2>&1 &
pid2=$!
await_health "$port3"
python3 $BENCH/hostile.py paced "$port3" 6 61440 > "$BENCH/.work/stop.json" &
uploads=$!
# SIGTERM once all six are connected and sending, and a second in.
for _ in $(seq 1 100); do
  [ "$(ss -Htn state established "( sport = :$port3 )" | wc -l)" -ge 6 ] && break; sleep 0.1
done
sleep 1
term_at=$(date +%s.%N)
kill -TERM $pid2
wait $pid2 2>/dev/null || true
exited_after=$(awk -v a="$(date +%s.%N)" -v b="$term_at" 'BEGIN{printf "%.1f", a-b}')
pid2=
wait $uploads || true
stop_result=$(cat "$BENCH/.work/stop.json")

echo
echo "### Second round (#21), -Xmx256m"
echo
echo "| attack | answers | heap after a full GC |"
echo "|---|---|---|"
echo "| (idle, before) | | ${heap_start} MB |"
echo "| 4,100 submits with 60 KB keys | \`$keys_submit\` | |"
echo "| 4,100 polls of unknown tasks with 60 KB keys, rate limit on | \`$keys_poll\` | ${heap_keys} MB |"
echo "| 20,000 submits with distinct 1 KB keys | \`$distinct_submit\` | |"
echo "| 20,000 polls with distinct 1 KB keys, rate limit on | \`$distinct_poll\` | ${heap_distinct} MB (20,000 tasks, 10,000 rate windows) |"
echo "| 12 concurrent 28 MB submits, unknown field of 9.3 million {} | \`$unknown_objects\` | |"
echo "| 12 concurrent 28 MB submits, unknown object of 2.1 million distinct names | \`$unknown_members\` | |"
echo "| 12 concurrent 28 MB submits, unknown field of nested arrays 60 deep | \`$unknown_deep\` | ${heap_unknown} MB |"
echo "| 2,000 polls with a 30 KB Prefer token and a 30 KB path (access log on) | \`$prefer_flood\` | log grew $(( log_after - log_before )) bytes: $(( (log_after - log_before) / 2000 )) bytes per request |"
echo
echo "OutOfMemoryError in the log: $oom2; health afterwards: $health2"
echo
echo "Six uploads at 60 KB/s across a SIGTERM (--shutdown-grace 10): \`$stop_result\`; the mock exited ${exited_after} s after SIGTERM"
