#!/usr/bin/env bash
# Benchmarks the Kling effects mock against Prism and WireMock on the same spec and request mix,
# then the mock alone with 10 MB images and a soak, then speed.sh (the ratios of issue #19: the mock
# against itself before the hardening, Prism and a bare Javalin handler, per mix, and the start-up).
# Prints markdown; RESULTS.md keeps a run.
#
#   bash mock-server/bench/bench.sh            # everything (about 17 minutes), hostile.sh and speed.sh included
#   BENCH_DURATION=30 bash mock-server/bench/bench.sh
#   BENCH_HOSTILE=false BENCH_SPEED=false bash mock-server/bench/bench.sh   # the peers, images and soak only
#   bash mock-server/bench/speed.sh            # the ratios alone, about 7 minutes (its own fast options inside)
#
# Installs what is missing: wrk (Debian package), Prism (npm, into mock-server/bench/.work),
# the WireMock standalone jar (Maven Central). Only loopback traffic; every run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/../.."

BENCH=mock-server/bench
WORK=$BENCH/.work
SPEC=openapi/kling-video-effects.yaml
JAR=mock-server/target/kling-effects-mock-server.jar
DURATION=${BENCH_DURATION:-15}
WARMUP=${BENCH_WARMUP:-5}
CONNECTIONS=${BENCH_CONNECTIONS:-50}
RATE_DELAY_MS=${BENCH_RATE_DELAY_MS:-10}
SOAK_REQUESTS=${BENCH_SOAK_REQUESTS:-1000000}
PRISM_VERSION=5.16.0
WIREMOCK_VERSION=3.13.2
KEY=bench-key
AUTH="Authorization: Bearer $KEY"
SUBMIT=/api/v1/image-to-video/kling/kling-video-effects/async
mkdir -p "$WORK"
PIDS=()
trap 'for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done' EXIT

say() { echo "[bench] $*" >&2; }

install_tools() {
  if ! command -v wrk >/dev/null; then
    say "installing wrk"
    if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
  fi
  if [ ! -x "$WORK/node_modules/.bin/prism" ]; then
    say "installing Prism $PRISM_VERSION"
    npm install --silent --no-audit --no-fund --prefix "$WORK" "@stoplight/prism-cli@$PRISM_VERSION" >/dev/null
  fi
  if [ ! -f "$WORK/wiremock-standalone-$WIREMOCK_VERSION.jar" ]; then
    say "fetching WireMock $WIREMOCK_VERSION"
    ./mvnw -B -q dependency:copy -Dartifact="org.wiremock:wiremock-standalone:$WIREMOCK_VERSION" -DoutputDirectory="$WORK" >/dev/null
  fi
  say "building the mock"
  ./mvnw -B -q package -DskipTests -pl mock-server -am >/dev/null
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# launch NAME URL COMMAND...: starts a server, prints its pid and the milliseconds until URL answers 200.
launch() {
  local name=$1 url=$2; shift 2
  local start end
  start=$(date +%s%N)
  "$@" > "$WORK/$name.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  for _ in $(seq 1 6000); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" "$url" || true)" = 200 ]; then
      end=$(date +%s%N)
      echo "$pid $(( (end - start) / 1000000 ))"
      return
    fi
    kill -0 "$pid" 2>/dev/null || { say "$name died, see $WORK/$name.log"; exit 1; }
    sleep 0.01
  done
  say "$name did not answer within 60 s"; exit 1
}

field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<< "$2"; }
rss_mb() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }

# throughput NAME PORT PID FIRST_MS NOTE: warm-up, the mix flat out, then the mix at a fixed rate
# (each connection pausing RATE_DELAY_MS between requests: about CONNECTIONS*1000/RATE_DELAY_MS req/s).
throughput() {
  local name=$1 port=$2 pid=$3 first=$4 note=$5
  BENCH_KEY=$KEY BENCH_TASK=task-bench wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s $BENCH/mix.lua "http://127.0.0.1:$port" >/dev/null
  local out paced
  out=$(BENCH_KEY=$KEY BENCH_TASK=task-bench wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s $BENCH/mix.lua "http://127.0.0.1:$port" | grep RESULT)
  paced=$(BENCH_KEY=$KEY BENCH_TASK=task-bench BENCH_DELAY_MS=$RATE_DELAY_MS wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s $BENCH/mix.lua "http://127.0.0.1:$port" | grep RESULT)
  echo "$name|$(field rps "$out")|$(field p50_us "$out")|$(field p99_us "$out")|$(field rps "$paced")|$(field p99_us "$paced")|$first|$(rss_mb "$pid")|$(( $(field s5xx "$out") + $(field s5xx "$paced") ))|$(( $(field socket_errors "$out") + $(field socket_errors "$paced") ))|$(field s2xx "$out")/$(field s4xx "$out")|$note"
}

install_tools
{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(sed -n 's/model name\s*: //p' /proc/cpuinfo | head -1)"
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "java: $(java -version 2>&1 | head -1); node: $(node --version); wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "mix: valid single-image submit, valid two-person submit, invalid duration, unknown effect, poll of the task the thread submitted last"
  echo "load: wrk -t2 -c$CONNECTIONS, ${WARMUP}s warm-up, then ${DURATION}s flat out and ${DURATION}s paced (each connection waits ${RATE_DELAY_MS} ms between requests); wrk and the server share the 2 cores"
} > "$WORK/header.txt"

rows=()

port=$(free_port)
read -r pid first < <(launch ours "http://127.0.0.1:$port/health" java -jar "$JAR" --port "$port" --access-log false)
curl -s -o /dev/null -X POST -H 'Content-Type: application/json' "http://127.0.0.1:$port/__admin/tasks" -d "{\"task_id\": \"task-bench\", \"api_key\": \"$KEY\", \"status\": \"success\"}"
say "ours up in $first ms"
rows+=("$(throughput "kling-effects mock" "$port" "$pid" "$first" "validates from the spec and catalog")")
kill "$pid"; wait "$pid" 2>/dev/null || true

port=$(free_port)
read -r pid first < <(launch prism "http://127.0.0.1:$port/api/v1/tasks/task-bench" "$WORK/node_modules/.bin/prism" mock "$SPEC" -h 127.0.0.1 -p "$port")
say "Prism up in $first ms"
rows+=("$(throughput "Prism $PRISM_VERSION" "$port" "$pid" "$first" "validates against the spec, answers examples")")
kill "$pid"; wait "$pid" 2>/dev/null || true

port=$(free_port)
read -r pid first < <(launch wiremock "http://127.0.0.1:$port/api/v1/tasks/task-bench" java -jar "$WORK/wiremock-standalone-$WIREMOCK_VERSION.jar" \
  --port "$port" --bind-address 127.0.0.1 --root-dir "$BENCH/wiremock" --disable-banner --no-request-journal --disable-request-logging)
say "WireMock up in $first ms"
rows+=("$(throughput "WireMock $WIREMOCK_VERSION" "$port" "$pid" "$first" "no spec validation: 5 equivalent hand-written stubs")")
kill "$pid"; wait "$pid" 2>/dev/null || true

ours_rps=$(cut -d'|' -f2 <<< "${rows[0]}")

# 10 MB images, concurrency 8, a 256 MB heap.
python3 "$BENCH/large-body.py" "$WORK/large-body.json"
port=$(free_port)
read -r pid first < <(launch large "http://127.0.0.1:$port/health" java -Xmx256m -jar "$JAR" --port "$port" --access-log false)
BENCH_BODY="$WORK/large-body.json" wrk -t2 -c8 -d5s -s $BENCH/large-image.lua "http://127.0.0.1:$port" >/dev/null
large=$(BENCH_BODY="$WORK/large-body.json" wrk -t2 -c8 -d"${DURATION}s" --latency -s $BENCH/large-image.lua "http://127.0.0.1:$port" | grep RESULT)
large_one=$(BENCH_BODY="$WORK/large-body.json" wrk -t1 -c1 -d"${DURATION}s" --latency -s $BENCH/large-image.lua "http://127.0.0.1:$port" | grep RESULT)
large_health=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health")
large_oom=$(grep -c OutOfMemoryError "$WORK/large.log" || true)
kill "$pid"; wait "$pid" 2>/dev/null || true

# Soak: submit and poll at concurrency 64 until SOAK_REQUESTS, heap after a full GC before, halfway and after.
heap_mb() { jcmd "$1" GC.run >/dev/null; jcmd "$1" GC.heap_info | sed -n 's/.*used \([0-9]*\)K.*/\1/p' | head -1 | awk '{print int($1/1024)}'; }
port=$(free_port)
read -r pid first < <(launch soak "http://127.0.0.1:$port/health" java -Xmx512m -jar "$JAR" --port "$port" --access-log false)
# Polls sent before a thread's first submit has answered use task-bench: make sure it exists.
seed_task() { curl -s -o /dev/null -X POST -H 'Content-Type: application/json' "http://127.0.0.1:$port/__admin/tasks" -d "{\"task_id\": \"task-bench\", \"api_key\": \"$KEY\", \"status\": \"success\"}"; }
seed_task
BENCH_KEY=$KEY BENCH_MIX=soak wrk -t2 -c64 -d"${WARMUP}s" -s $BENCH/mix.lua "http://127.0.0.1:$port" >/dev/null
# Each half long enough for half the requests at the mix's measured rate (the soak mix is lighter).
seconds=$(( SOAK_REQUESTS / 2 * 12 / 10 / $(printf '%.0f' "$ours_rps") + 1 ))
heap_before=$(heap_mb "$pid")
seed_task
half1=$(BENCH_KEY=$KEY BENCH_MIX=soak wrk -t2 -c64 -d"${seconds}s" --latency -s $BENCH/mix.lua "http://127.0.0.1:$port" | grep RESULT)
heap_half=$(heap_mb "$pid")
seed_task
half2=$(BENCH_KEY=$KEY BENCH_MIX=soak wrk -t2 -c64 -d"${seconds}s" --latency -s $BENCH/mix.lua "http://127.0.0.1:$port" | grep RESULT)
heap_after=$(heap_mb "$pid")
kill "$pid"; wait "$pid" 2>/dev/null || true
soak_requests=$(( $(field requests "$half1") + $(field requests "$half2") ))
soak_bad=0
for half in "$half1" "$half2"; do
  soak_bad=$(( soak_bad + $(field s4xx "$half") + $(field s5xx "$half") + $(field socket_errors "$half") ))
done

ratio() { awk -v a="$ours_rps" -v b="$(cut -d'|' -f2 <<< "$1")" 'BEGIN { printf "%.1fx", a / b }'; }
{
  sed 's/^/- /' "$WORK/header.txt"
  echo
  echo "| server | req/s flat out | p50 ms | p99 ms | paced req/s | paced p99 ms | first 200 after launch ms | RSS MB | 5xx | socket errors | 2xx/4xx | ours/peer req/s | note |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  for row in "${rows[@]}"; do
    IFS='|' read -r name rps p50 p99 prps pp99 first rss s5 errs split note <<< "$row"
    r=$([ "$name" = "kling-effects mock" ] && echo "1.0x" || ratio "$row")
    printf '| %s | %.0f | %.2f | %.2f | %.0f | %.2f | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$rps" "$(awk "BEGIN{print $p50/1000}")" \
      "$(awk "BEGIN{print $p99/1000}")" "$prps" "$(awk "BEGIN{print $pp99/1000}")" "$first" "$rss" "$s5" "$errs" "$split" "$r" "$note"
  done
  echo
  echo "10 MB Base64 images (single-image submit, $(stat -c%s "$WORK/large-body.json")-byte body), wrk -t2 -c8, -Xmx256m:"
  echo "$(field requests "$large") requests, $(field rps "$large") req/s, p50 $(awk "BEGIN{print $(field p50_us "$large")/1000}") ms, p99 $(awk "BEGIN{print $(field p99_us "$large")/1000}") ms, max $(awk "BEGIN{print $(field max_us "$large")/1000}") ms;" \
       "200s $(field ok "$large"), others $(field not_ok "$large"), socket errors $(field socket_errors "$large"); health afterwards $large_health; OutOfMemoryError in log: $large_oom"
  echo
  echo "One 10 MB image at a time (wrk -t1 -c1): p50 $(awk "BEGIN{print $(field p50_us "$large_one")/1000}") ms, p99 $(awk "BEGIN{print $(field p99_us "$large_one")/1000}") ms per request, upload and validation included; $(field ok "$large_one") answered 200"
  echo
  echo "Soak (submit, then poll it; wrk -t2 -c64, -Xmx512m): $soak_requests requests, $soak_bad not 200 or failed;" \
       "p99 $(awk "BEGIN{print $(field p99_us "$half2")/1000}") ms in the second half;" \
       "heap used after a full GC: $heap_before MB before, $heap_half MB halfway, $heap_after MB after"
} | tee "$WORK/results.md"

# The hostile section: slow uploads and slowloris while measuring normal requests, 10 MB uploads at -Xmx256m.
[ "${BENCH_HOSTILE:-true}" = true ] && {
  echo
  echo "Hostile and heavy use (hostile.sh):"
  echo
  bash $BENCH/hostile.sh
} | tee -a "$WORK/results.md"

# The speed ratios (speed.sh): the jar was just built.
[ "${BENCH_SPEED:-true}" = true ] && {
  echo
  echo "Speed, each ratio from one run (speed.sh):"
  echo
  SPEED_BUILD=false bash $BENCH/speed.sh
} | tee -a "$WORK/results.md"
true
