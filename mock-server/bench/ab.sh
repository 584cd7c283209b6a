#!/bin/bash
# Two or more mock jars alone on the machine, alternating: each started, seeded with a finished task, warmed
# for 5 s, then ROUNDS rounds of 10 s of the mix on each in turn. Prints requests and the server's CPU per round
# and jar, then req/s and CPU ms per 1,000 requests. Where speed.sh runs four servers at once in the issue's
# method, this shows how each jar settles (rounds after the JIT is done) without the others' load.
#   bash mock-server/bench/ab.sh submits 5 mock-server/target/kling-effects-mock-server.jar mock-server/bench/.work/mock-00ac26bb0027.jar
# MIX: submits, poll or soak (mix.lua's BENCH_MIX). Needs wrk.
set -euo pipefail
cd "$(dirname "$0")/../.."
MIX=$1 ROUNDS=$2
shift 2
KEY=bench-key
declare -a PORT PID
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
cpu_ms() { awk '{print ($14 + $15) * 10}' "/proc/$1/stat"; }
load() { BENCH_KEY=$KEY BENCH_TASK=task-bench BENCH_MIX=$MIX wrk -t2 -c50 -d"$2s" -s mock-server/bench/mix.lua "http://127.0.0.1:$1"; }
trap 'for p in "${PID[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
i=0
for jar in "$@"; do
  PORT[$i]=$(free_port)
  java -jar "$jar" --port "${PORT[$i]}" --access-log false >/dev/null 2>&1 &
  PID[$i]=$!
  i=$((i + 1))
done
for k in "${!PORT[@]}"; do
  until curl -s -o /dev/null "localhost:${PORT[$k]}/health"; do sleep 0.05; done
  curl -s -o /dev/null -X POST -H 'Content-Type: application/json' "http://127.0.0.1:${PORT[$k]}/__admin/tasks" \
    -d "{\"task_id\": \"task-bench\", \"api_key\": \"$KEY\", \"status\": \"success\"}"
  load "${PORT[$k]}" 5 >/dev/null
done
declare -A REQ CPU
for round in $(seq 1 "$ROUNDS"); do
  for k in "${!PORT[@]}"; do
    before=$(cpu_ms "${PID[$k]}")
    n=$(load "${PORT[$k]}" 10 | sed -n 's/.*RESULT requests=\([0-9]*\).*/\1/p')
    used=$(( $(cpu_ms "${PID[$k]}") - before ))
    REQ[$k]=$(( ${REQ[$k]:-0} + n )); CPU[$k]=$(( ${CPU[$k]:-0} + used ))
    echo "round $round jar $k: $n requests, $used CPU ms"
  done
done
for k in "${!PORT[@]}"; do
  echo "jar $k ($(eval echo "\${$((k + 1))}")): $(( REQ[$k] / (ROUNDS * 10) )) req/s, $(( CPU[$k] * 1000 / REQ[$k] )) CPU ms per 1,000 requests"
done
