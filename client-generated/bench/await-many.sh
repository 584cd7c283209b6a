#!/usr/bin/env bash
# The client awaiting many tasks at once: awaitCompletionAsync against the blocking way (a thread per
# await, which the previous client's …Async did), in one JVM against one local mock. Prints markdown.
#
#   bash client-generated/bench/await-many.sh          # 1,000 tasks
#   TASKS=3000 bash client-generated/bench/await-many.sh
#
# The mock runs in the qa profile with short timings (tasks end 2.5 s after their submit), no limits.
set -euo pipefail
cd "$(dirname "$0")/../.."
TASKS=${TASKS:-1000}
WORK=client-generated/bench/.work
mkdir -p "$WORK"

./mvnw -B -q install -DskipTests -pl client-generated -am
./mvnw -B -q package -DskipTests -pl mock-server
./mvnw -B -q -pl client-generated dependency:build-classpath -Dmdep.outputFile="$PWD/$WORK/classpath.txt"

java -jar mock-server/target/kling-effects-mock-server.jar --port 0 --access-log false \
  --pending-ms 500 --processing-ms 2000 > "$WORK/mock.log" 2>&1 &
MOCK=$!
trap 'kill $MOCK 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  PORT=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$WORK/mock.log" | head -1 | sed 's/.*://') && [ -n "$PORT" ] && break
  sleep 0.1
done
[ -n "${PORT:-}" ] || { echo "the mock did not start: $WORK/mock.log" >&2; exit 1; }

echo "## $TASKS awaits at once, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
java -cp "client-generated/target/kling-effects-client-1.0.0.jar:$(cat "$WORK/classpath.txt")" \
  client-generated/bench/AwaitManyTasks.java "http://127.0.0.1:$PORT" "$TASKS"
