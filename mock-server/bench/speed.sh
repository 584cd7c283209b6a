#!/usr/bin/env bash
# The mock's speed as ratios from one run (issue #19): the mock against the mock before the hardening
# (commit SPEED_BASE, built once from a git worktree and cached by commit), Prism, and a bare Javalin 7
# handler that reads the body and answers a fixed 200 JSON (BareJavalin.java, on the mock's class path).
# Three mixes, so no path hides behind another: submits only (two valid submits, an invalid duration, an
# unknown effect), polls only, and 10 MB Base64 images. All four servers run at once; per mix each gets a
# warm-up, then SPEED_ROUNDS measured runs in turn, the order rotating every round, and a ratio is
# requests of ours over requests of the peer, summed over the rounds. Then the first 200 after launch:
# the launcher (class-data archive) and `java -jar`, optionally the same of another commit, the mock before
# the hardening, the bare handler and a JVM hello world answering /health (the floor), warm and (where the
# kernel lets us drop it) cold page cache, with each one's ratio to the 0.5 s target and to the floor.
# Prints markdown. About 7 minutes with the defaults.
#
#   bash mock-server/bench/speed.sh
#   SPEED_DURATION=5 SPEED_ROUNDS=1 SPEED_STARTS=5 bash mock-server/bench/speed.sh   # quick look, about 3 minutes
#   SPEED_MIXES="submits" bash mock-server/bench/speed.sh                            # one mix, no start-up
#   SPEED_BUILD=false ...                                                            # use the jar as it is
#   SPEED_MIXES=" " SPEED_STARTUP=true SPEED_STARTUP_OLD=main bash mock-server/bench/speed.sh  # start-up alone, against main
set -euo pipefail
cd "$(dirname "$0")/../.."

BENCH=mock-server/bench
WORK=$BENCH/.work
JAR=mock-server/target/kling-effects-mock-server.jar
LAUNCHER=mock-server/kling-mock
BASE=${SPEED_BASE:-00ac26b}
DURATION=${SPEED_DURATION:-10}
WARMUP=${SPEED_WARMUP:-5}
ROUNDS=${SPEED_ROUNDS:-2}
STARTS=${SPEED_STARTS:-7}
MIXES=${SPEED_MIXES:-submits polls large}
STARTUP=${SPEED_STARTUP:-$([ "$MIXES" = "submits polls large" ] && echo true || echo false)}
PRISM_VERSION=5.16.0
KEY=bench-key
mkdir -p "$WORK"
PIDS=()
trap 'for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done' EXIT
say() { echo "[speed] $*" >&2; }

# --- what is compared --------------------------------------------------------------------------------
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
if [ -n "${MIXES// /}" ] && [ ! -x "$WORK/node_modules/.bin/prism" ]; then
  say "installing Prism $PRISM_VERSION"
  npm install --silent --no-audit --no-fund --prefix "$WORK" "@stoplight/prism-cli@$PRISM_VERSION" >/dev/null
fi
if [ "${SPEED_BUILD:-true}" = true ]; then
  say "building the mock"
  ./mvnw -B -q package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -pl mock-server -am >/dev/null
fi
base_sha=$(git rev-parse --short=12 "$BASE^{commit}")
BASE_JAR=$WORK/mock-$base_sha.jar
if [ ! -f "$BASE_JAR" ]; then
  say "building the mock at $BASE ($base_sha), once"
  rm -rf "$WORK/base-$base_sha"
  git worktree prune
  git worktree add -q --detach "$WORK/base-$base_sha" "$base_sha"
  (cd "$WORK/base-$base_sha" && ./mvnw -B -q package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true \
    -pl mock-server -am >/dev/null)
  cp "$WORK/base-$base_sha/mock-server/target/kling-effects-mock-server.jar" "$BASE_JAR"
  git worktree remove --force "$WORK/base-$base_sha"
fi
mkdir -p "$WORK/bare" "$WORK/floor"
javac -nowarn -d "$WORK/bare" -cp "$JAR" "$BENCH/BareJavalin.java"
javac -nowarn -d "$WORK/floor" "$BENCH/HelloHealth.java"

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# up NAME URL COMMAND...: starts a server in the background, waits until URL answers 200, prints its pid.
up() {
  local name=$1 url=$2; shift 2
  "$@" > "$WORK/speed-$name.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  for _ in $(seq 1 3000); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $KEY" "$url" || true)" = 200 ] && { echo "$pid"; return; }
    kill -0 "$pid" 2>/dev/null || { say "$name died, see $WORK/speed-$name.log"; exit 1; }
    sleep 0.02
  done
  say "$name did not answer within 60 s"; exit 1
}
seed() {
  curl -s -o /dev/null -X POST -H 'Content-Type: application/json' "http://127.0.0.1:$1/__admin/tasks" \
    -d "{\"task_id\": \"task-bench\", \"api_key\": \"$KEY\", \"status\": \"success\"}"
}

NAMES=(ours base prism bare)
declare -A PORT LABEL
for name in "${NAMES[@]}"; do PORT[$name]=$(free_port); done
LABEL[ours]="this mock"
LABEL[base]="the mock before the hardening ($base_sha)"
LABEL[prism]="Prism $PRISM_VERSION"
LABEL[bare]="bare Javalin 7 handler"
# The same JVM defaults for the three Java servers; ours and the base without the access log, as in bench.sh.
# None of them when no mix is asked for (SPEED_MIXES=" ": the start-up part alone).
declare -A PID
if [ -n "${MIXES// /}" ]; then
  PID[ours]=$(up ours "http://127.0.0.1:${PORT[ours]}/health" java -jar "$JAR" --port "${PORT[ours]}" --access-log false)
  PID[base]=$(up base "http://127.0.0.1:${PORT[base]}/health" java -jar "$BASE_JAR" --port "${PORT[base]}" --access-log false)
  PID[prism]=$(up prism "http://127.0.0.1:${PORT[prism]}/api/v1/tasks/task-bench" "$WORK/node_modules/.bin/prism" mock \
    openapi/kling-video-effects.yaml -h 127.0.0.1 -p "${PORT[prism]}")
  PID[bare]=$(up bare "http://127.0.0.1:${PORT[bare]}/health" java -cp "$JAR:$WORK/bare" BareJavalin "${PORT[bare]}")
  PIDS+=("${PID[@]}")
  seed "${PORT[ours]}"; seed "${PORT[base]}"
fi

if [[ " $MIXES " == *" large "* ]] && [ ! -f "$WORK/large-body.json" ]; then
  python3 "$BENCH/large-body.py" "$WORK/large-body.json"
fi

# cpu_ms PID: CPU the process and its children have used so far (user + system), in ms.
cpu_ms() {
  local total=0 p
  for p in "$1" $(ps -o pid= --ppid "$1" 2>/dev/null); do
    total=$(( total + $(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) * 1000 / hz }' "/proc/$p/stat" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}
# jit_ms PID: CPU the JVM's compiler threads have used so far, in ms (0 for a process that has none, as Prism).
jit_ms() {
  local t total=0
  for t in /proc/"$1"/task/*; do
    case $(cat "$t/comm" 2>/dev/null) in
      *Compiler*) total=$(( total + $(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) * 1000 / hz }' "$t/stat" 2>/dev/null || echo 0) )) ;;
    esac
  done
  echo "$total"
}
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<< "$2"; }

# load MIX PORT SECONDS: one wrk run of the mix, its RESULT line.
load() {
  local mix=$1 port=$2 seconds=$3
  case $mix in
    large) BENCH_BODY="$WORK/large-body.json" wrk -t2 -c8 -d"${seconds}s" --timeout 10s -s $BENCH/large-image.lua "http://127.0.0.1:$port" ;;
    polls) BENCH_KEY=$KEY BENCH_TASK=task-bench BENCH_MIX=poll wrk -t2 -c50 -d"${seconds}s" -s $BENCH/mix.lua "http://127.0.0.1:$port" ;;
    *) BENCH_KEY=$KEY BENCH_MIX=submits wrk -t2 -c50 -d"${seconds}s" -s $BENCH/mix.lua "http://127.0.0.1:$port" ;;
  esac | grep RESULT
}

declare -A REQS SECS SPLIT CPU JIT
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "n/a" }'; }
# raw A B: the ratio unrounded, so a target is judged on it and not on the two decimals printed (0.496 is not 0.50).
raw() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.6f", a / b; else print "0" }'; }
target() { awk -v r="${1%x}" -v t="$2" 'BEGIN { if (r + 0 >= t) print "met"; else printf "**not met** (%.0f%% short)", (1 - r / t) * 100 }'; }

declare -A MIX_TEXT
MIX_TEXT[submits]="submits only: valid single-image, valid two-person, invalid duration, unknown effect; wrk -t2 -c50"
MIX_TEXT[polls]="polls only: GET of one finished task; wrk -t2 -c50"
MIX_TEXT[large]="10 MB Base64 images: single-image submit of a 13,981,061-byte body; wrk -t2 -c8 --timeout 10s"

{
  echo "- machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- date: $(date -u +%Y-%m-%dT%H:%MZ); java: $(java -version 2>&1 | head -1); wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  if [ -n "${MIXES// /}" ]; then
    echo "- each mix: ${WARMUP}s warm-up per server, then $ROUNDS round(s) of ${DURATION}s per server, order rotating; wrk and all servers share the cores"
  fi
  echo
} > "$WORK/speed.md"

for mix in $MIXES; do
  say "mix $mix: warm-up"
  # The submits mix fills the task stores past --max-tasks, and eviction takes the oldest finished task
  # first: the polled task is planted again, or the polls measure 404s.
  [ "$mix" = polls ] && { seed "${PORT[ours]}"; seed "${PORT[base]}"; }
  for name in "${NAMES[@]}"; do load "$mix" "${PORT[$name]}" "$WARMUP" >/dev/null; REQS[$name]=0; SECS[$name]=0; SPLIT[$name]=; CPU[$name]=0; JIT[$name]=0; done
  for round in $(seq 1 "$ROUNDS"); do
    order=("${NAMES[@]:$(( (round - 1) % 4 ))}" "${NAMES[@]:0:$(( (round - 1) % 4 ))}")
    for name in "${order[@]}"; do
      before=$(cpu_ms "${PID[$name]}"); jit_before=$(jit_ms "${PID[$name]}")
      out=$(load "$mix" "${PORT[$name]}" "$DURATION")
      CPU[$name]=$(( ${CPU[$name]} + $(cpu_ms "${PID[$name]}") - before ))
      JIT[$name]=$(( ${JIT[$name]} + $(jit_ms "${PID[$name]}") - jit_before ))
      REQS[$name]=$(( ${REQS[$name]} + $(field requests "$out") ))
      SECS[$name]=$(( ${SECS[$name]} + DURATION ))
      if [ "$mix" = large ]; then
        SPLIT[$name]="${SPLIT[$name]} $(field ok "$out")/$(field not_ok "$out")/$(field socket_errors "$out")"
      else
        SPLIT[$name]="${SPLIT[$name]} $(field s2xx "$out")/$(field s4xx "$out")/$(field s5xx "$out")/$(field socket_errors "$out")"
      fi
      say "  $mix round $round $name: $out"
    done
  done
  {
    echo "**${MIX_TEXT[$mix]}**"
    echo
    if [ "$mix" = large ]; then
      echo "| server | req/s | 200 / other / socket errors per round | ours / server, req/s | server CPU ms per 1,000 requests | of it, JIT compiler ms | ours / server, requests per CPU second |"
    else
      echo "| server | req/s | 2xx / 4xx / 5xx / socket errors per round | ours / server, req/s | server CPU ms per 1,000 requests | of it, JIT compiler ms | ours / server, requests per CPU second |"
    fi
    echo "|---|---|---|---|---|---|---|"
    for name in "${NAMES[@]}"; do
      rps=$(awk -v r="${REQS[$name]}" -v s="${SECS[$name]}" 'BEGIN { printf "%.0f", r / s }')
      per=$(awk -v c="${CPU[$name]}" -v r="${REQS[$name]}" 'BEGIN { if (r > 0) printf "%.0f", c * 1000 / r; else print "n/a" }')
      eff=$(awk -v co="${CPU[ours]}" -v ro="${REQS[ours]}" -v c="${CPU[$name]}" -v r="${REQS[$name]}" \
        'BEGIN { if (co > 0 && r > 0) printf "%.2fx", (ro / co) / (r / c); else print "n/a" }')
      jit=$(awk -v c="${JIT[$name]}" -v r="${REQS[$name]}" 'BEGIN { if (r > 0) printf "%.0f", c * 1000 / r; else print "n/a" }')
      echo "| ${LABEL[$name]} | $rps |${SPLIT[$name]} | $(ratio "${REQS[ours]}" "${REQS[$name]}") | $per | $jit | $eff |"
    done
    echo
    r_base=$(ratio "${REQS[ours]}" "${REQS[base]}"); r_prism=$(ratio "${REQS[ours]}" "${REQS[prism]}"); r_bare=$(ratio "${REQS[ours]}" "${REQS[bare]}")
    echo "Targets (req/s, as issue #19 sets them): ≥1.0x the pre-hardening mock: $r_base, $(target "$(raw "${REQS[ours]}" "${REQS[base]}")" 1.0);" \
         "≥10x Prism: $r_prism, $(target "$(raw "${REQS[ours]}" "${REQS[prism]}")" 10);" \
         "≥0.5x the bare handler: $r_bare, $(target "$(raw "${REQS[ours]}" "${REQS[bare]}")" 0.5)"
    echo
  } >> "$WORK/speed.md"
done
for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
PIDS=()

# --- start-up: first 200 of /health after launch --------------------------------------------------------
# The mock's jar and launcher (class-data archive), optionally those of another commit (SPEED_STARTUP_OLD,
# built once into .work with its own archive), the mock before the hardening, the bare Javalin handler, and
# the floor: a JVM hello world answering /health from the JDK's own HTTP server. Each launch is measured
# alone, one way after the other, SPEED_STARTS rounds.
TARGET_MS=500
OLD=${SPEED_STARTUP_OLD:-}

# first200 COMMAND...: milliseconds from launch to the first 200 (curl every 5 ms), and the CPU the server
# used until then (user + system, all its threads).
first200() {
  local port start end pid cpu
  port=$(free_port)
  start=$(date +%s%N)
  "$@" --port "$port" > "$WORK/speed-start.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { say "start-up run died, see $WORK/speed-start.log"; exit 1; }
    sleep 0.005
  done
  end=$(date +%s%N)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) * 1000 / hz }' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (end - start) / 1000000 )) $cpu"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
drop_caches() { sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null; }

# old_build REF: the runnable jar, its launcher and a class-data archive of commit REF, in .work/startup-<sha>
# (the archive names the jar's path, so it is made there, by the commit's own ArchiveTraining).
old_build() {
  local sha dir
  sha=$(git rev-parse --short=12 "$1^{commit}")
  dir=$WORK/startup-$sha
  if [ ! -f "$dir/target/kling-effects-mock-server.jar" ]; then
    say "building the mock at $1 ($sha) for the start-up comparison, once"
    rm -rf "$WORK/tree-$sha"; git worktree prune
    git worktree add -q --detach "$WORK/tree-$sha" "$sha"
    (cd "$WORK/tree-$sha" && ./mvnw -B -q package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true \
      -Dmock.archive.skip=true -pl mock-server -am >/dev/null)
    mkdir -p "$dir/target"
    cp "$WORK/tree-$sha/mock-server/target/kling-effects-mock-server.jar" "$dir/target/"
    # A commit from before the launcher has none: only its `java -jar` is measured then.
    [ -f "$WORK/tree-$sha/mock-server/kling-mock" ] && cp "$WORK/tree-$sha/mock-server/kling-mock" "$dir/"
    git worktree remove --force "$WORK/tree-$sha"
  fi
  if [ -f "$dir/kling-mock" ] && [ ! -f "$dir/target/kling-effects-mock-server.jsa" ]; then
    local abs; abs=$(cd "$dir/target" && pwd)
    # The kind of archive the commit's own build makes: static from a class list since 99ecd75, dynamic before.
    if git show "$sha:mock-server/pom.xml" | grep -q DumpLoadedClassList; then
      # The last arguments record the JDK and the jar for a launcher that checks them (since 6e2840b and
      # this script's commit); older ones ignore them.
      java "-XX:DumpLoadedClassList=$abs/kling-effects-mock-server.classlist" -XX:TieredStopAtLevel=1 \
        -cp "$abs/kling-effects-mock-server.jar" dev.klingeffects.mock.ArchiveTraining \
        "$abs/kling-effects-mock-server.jsa.jdk" "$abs/kling-effects-mock-server.jsa.jar" >&2
      java -Xshare:dump "-XX:SharedClassListFile=$abs/kling-effects-mock-server.classlist" \
        "-XX:SharedArchiveFile=$abs/kling-effects-mock-server.jsa" -Xlog:disable -Xlog:all=error:stderr \
        -cp "$abs/kling-effects-mock-server.jar"
    else
      java "-XX:ArchiveClassesAtExit=$abs/kling-effects-mock-server.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
        -cp "$abs/kling-effects-mock-server.jar" dev.klingeffects.mock.ArchiveTraining >&2
    fi
  fi
  echo "$dir"
}

# bare_archive: the bare handler in a jar, and a class-data archive of it made as the mock's build makes the
# mock's (a run that answers /health and a submit lists its classes; a static archive of them). With it the
# table shows what Javalin and Jetty alone take to their first answer with the same help the launcher gets.
bare_archive() {
  local port pid
  jar cf "$WORK/bare.jar" -C "$WORK/bare" .
  BARE_CP="$(pwd)/$JAR:$(pwd)/$WORK/bare.jar" # the archive names its class path; absolute, as the launcher's is
  port=$(free_port)
  java "-XX:DumpLoadedClassList=$WORK/bare.classlist" -cp "$BARE_CP" BareJavalin "$port" \
    > "$WORK/speed-bare-training.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  for _ in $(seq 1 1200); do
    curl -s -o /dev/null "http://127.0.0.1:$port/health" && break
    kill -0 "$pid" 2>/dev/null || { say "the bare training run died, see $WORK/speed-bare-training.log"; exit 1; }
    sleep 0.05
  done
  curl -s -o /dev/null -d '{}' "http://127.0.0.1:$port/api/v1/image-to-video/kling/kling-video-effects/async"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  java -Xshare:dump "-XX:SharedClassListFile=$WORK/bare.classlist" "-XX:SharedArchiveFile=$WORK/bare.jsa" \
    -Xlog:disable -Xlog:all=error:stderr -cp "$BARE_CP"
}

if [ "$STARTUP" = true ]; then
  bare_archive
  WAYS=(launcher jar)
  declare -A WHAT
  WHAT[launcher]="\`$LAUNCHER\` (class-data archive)"
  WHAT[jar]="\`java -jar $JAR\`"
  if [ -n "$OLD" ]; then
    OLD_DIR=$(old_build "$OLD")
    OLD_SHA=$(git rev-parse --short=12 "$OLD^{commit}")
    [ -f "$OLD_DIR/kling-mock" ] && WAYS+=(old-launcher)
    WAYS+=(old-jar)
    WHAT[old-launcher]="the same at $OLD_SHA: \`kling-mock\`"
    WHAT[old-jar]="the same at $OLD_SHA: \`java -jar\`"
  fi
  WAYS+=(base bare bare-archive floor)
  WHAT[base]="\`java -jar\` of the mock before the hardening"
  WHAT[bare]="bare Javalin 7 handler"
  WHAT[bare-archive]="bare Javalin 7 handler with a class-data archive made as the mock's is"
  WHAT[floor]="floor: JVM hello world answering /health (JDK HTTP server)"
  say "start-up, $STARTS launches each: ${WAYS[*]}"
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  declare -A WALL CPU
  can_drop=$(drop_caches && echo yes || echo no)
  for cache in warm cold; do
    [ "$cache" = cold ] && [ "$can_drop" = no ] && continue
    for way in "${WAYS[@]}"; do WALL[$cache-$way]=; CPU[$cache-$way]=; done
    for _ in $(seq 1 "$STARTS"); do
      # Alternating, as the throughput runs do, so a change in the machine's load falls on every way alike.
      for way in "${WAYS[@]}"; do
        [ "$cache" = cold ] && drop_caches
        case $way in
          launcher) read -r wall cpu < <(first200 "$LAUNCHER") ;;
          jar) read -r wall cpu < <(first200 java -jar "$JAR") ;;
          old-launcher) read -r wall cpu < <(first200 "$OLD_DIR/kling-mock") ;;
          old-jar) read -r wall cpu < <(first200 java -jar "$OLD_DIR/target/kling-effects-mock-server.jar") ;;
          base) read -r wall cpu < <(first200 java -jar "$BASE_JAR") ;;
          bare) read -r wall cpu < <(first200 java -cp "$JAR:$WORK/bare" BareJavalin) ;;
          # -Xshare:on: an archive that does not fit stops the run instead of timing the handler without it.
          bare-archive) read -r wall cpu < <(first200 java "-XX:SharedArchiveFile=$WORK/bare.jsa" -Xshare:on -Xlog:cds=off \
            -cp "$BARE_CP" BareJavalin) ;;
          floor) read -r wall cpu < <(first200 java -cp "$WORK/floor" HelloHealth) ;;
        esac
        WALL[$cache-$way]="${WALL[$cache-$way]} $wall"; CPU[$cache-$way]="${CPU[$cache-$way]} $cpu"
      done
    done
  done
  declare -A MED
  {
    echo "**First 200 of \`/health\` after launch**, median of $STARTS launches each, alternating (curl every 5 ms;"
    echo "CPU is the server's user + system time until then, all threads; target ${TARGET_MS} ms; the floor is the"
    echo "hello world of the last row, measured in the same rounds). Load average before: $load_before."
    echo
    echo "| launched as | page cache | first 200 ms (median) | / ${TARGET_MS} ms target | / floor | all runs ms | CPU ms (median) | CPU / floor's |"
    echo "|---|---|---|---|---|---|---|---|"
    for cache in warm cold; do
      [ -n "${WALL[$cache-jar]:-}" ] || continue
      for way in "${WAYS[@]}"; do
        MED[$cache-$way]=$(tr ' ' '\n' <<< "${WALL[$cache-$way]}" | grep . | median)
        MED[cpu-$cache-$way]=$(tr ' ' '\n' <<< "${CPU[$cache-$way]}" | grep . | median)
      done
      for way in "${WAYS[@]}"; do
        echo "| ${WHAT[$way]} | $cache | ${MED[$cache-$way]} | $(ratio "${MED[$cache-$way]}" "$TARGET_MS") |" \
             "$(ratio "${MED[$cache-$way]}" "${MED[$cache-floor]}") | ${WALL[$cache-$way]# } | ${MED[cpu-$cache-$way]} |" \
             "$(ratio "${MED[cpu-$cache-$way]}" "${MED[cpu-$cache-floor]}") |"
      done
    done
    [ "$can_drop" = yes ] || echo "| (cold page cache not measured: /proc/sys/vm/drop_caches is not writable here) | | | | | | | |"
    echo
    for way in launcher jar; do
      r=$(ratio "${MED[warm-$way]}" "$TARGET_MS")
      echo "Target (first 200 within ${TARGET_MS} ms, warm page cache), ${WHAT[$way]}: ${MED[warm-$way]} ms, $r the target," \
           "$(awk -v r="${r%x}" 'BEGIN { if (r + 0 <= 1) print "met"; else printf "**not met** (%.0f%% over)", (r - 1) * 100 }');" \
           "$(ratio "${MED[warm-$way]}" "${MED[warm-floor]}") the floor"
      echo
    done
    # What is left to the mock: its start-up over that of the server libraries alone, each with the same help.
    for pair in "launcher bare-archive" "jar bare"; do
      read -r ours theirs <<< "$pair"
      echo "${WHAT[$ours]} over the ${WHAT[$theirs]}: $(ratio "${MED[warm-$ours]}" "${MED[warm-$theirs]}")" \
           "(CPU $(ratio "${MED[cpu-warm-$ours]}" "${MED[cpu-warm-$theirs]}"))"
      echo
    done
    if [ -n "$OLD" ]; then
      echo "This build against $OLD_SHA, first 200 (warm): launcher $(ratio "${MED[warm-launcher]}" "${MED[warm-old-launcher]:-0}")," \
           "\`java -jar\` $(ratio "${MED[warm-jar]}" "${MED[warm-old-jar]}"); CPU: launcher" \
           "$(ratio "${MED[cpu-warm-launcher]}" "${MED[cpu-warm-old-launcher]:-0}"), \`java -jar\` $(ratio "${MED[cpu-warm-jar]}" "${MED[cpu-warm-old-jar]}")"
      echo
    fi
    echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  } >> "$WORK/speed.md"
fi
cat "$WORK/speed.md"
