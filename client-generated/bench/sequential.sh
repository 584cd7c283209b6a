#!/usr/bin/env bash
# Sequential blocking calls: the client before it became async against this checkout's, in one JVM,
# alternating, against one bare local server (BareServer.java). Prints markdown with the ratios.
#
#   bash client-generated/bench/sequential.sh                 # 1,000 calls of each kind, 5 rounds
#   CALLS=2000 ROUNDS=9 bash client-generated/bench/sequential.sh
#   OLD=<commit> bash client-generated/bench/sequential.sh    # another baseline
#   JFR=new bash client-generated/bench/sequential.sh         # the current client alone, under JFR
#
# Why a bare server and not the mock: the mock validates, journals and stores every task, which costs
# about as much as the client does and the same for both; it would dilute the ratio this bench is about.
# The bare server answers a fixed JSON (a new id per submit, every task already succeeded) from one thread.
#
# The old client is the last commit before Transport.java (the async transport) came in, unless OLD is
# given; it is built from `git archive` in a scratch directory, offline, without its tests. Nothing is
# installed into ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
CALLS=${CALLS:-1000}
ROUNDS=${ROUNDS:-5}
WORK=$ROOT/client-generated/bench/.work
mkdir -p "$WORK"
MVN_QUIET=(-B -o -q -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true)

ASYNC=$(git log --diff-filter=A --format=%H -- client-generated/src/main/java/dev/klingeffects/client/Transport.java | tail -1)
OLD=${OLD:-$(git rev-parse "$ASYNC^")}

if [ ! -s "$WORK/old-$OLD.classpath" ]; then
  rm -rf "$WORK/old"
  mkdir -p "$WORK/old"
  git archive "$OLD" | tar -x -C "$WORK/old"
  (cd "$WORK/old" && ./mvnw "${MVN_QUIET[@]}" package -pl client-generated -am dependency:build-classpath \
    -DincludeScope=runtime -Dmdep.outputFile="$WORK/old.deps")
  echo "$(ls "$WORK"/old/client-generated/target/*.jar | grep -v -- '-sources\|-javadoc' | head -1):$(cat "$WORK/old.deps")" \
    > "$WORK/old-$OLD.classpath"
fi
./mvnw "${MVN_QUIET[@]}" package -pl client-generated -am dependency:build-classpath \
  -DincludeScope=runtime -Dmdep.outputFile="$WORK/new.deps"
NEW_CP="$ROOT/client-generated/target/kling-effects-client-1.0.0.jar:$(cat "$WORK/new.deps")"

java -Dsun.net.httpserver.nodelay=true client-generated/bench/BareServer.java > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  URL=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$WORK/server.log" | head -1) && [ -n "$URL" ] && break
  sleep 0.1
done
[ -n "${URL:-}" ] || { echo "the server did not start: $WORK/server.log" >&2; exit 1; }

WHICH=both
JVM=(-Xms256m -Xmx256m)
if [ -n "${JFR:-}" ]; then
  WHICH=$JFR
  JVM+=("-XX:StartFlightRecording=filename=$WORK/sequential-$JFR.jfr,settings=profile")
fi

echo "## Sequential calls, old client ($(git log -1 --format='%h %ad' --date=short "$OLD")) against this checkout ($(git log -1 --format=%h HEAD)$(git diff --quiet HEAD -- client-generated/src || echo ', modified')), $(nproc) cores, $(date -u +'%Y-%m-%d %H:%M UTC')"
echo
java "${JVM[@]}" client-generated/bench/Sequential.java "$URL" "$(cat "$WORK/old-$OLD.classpath")" "$NEW_CP" "$CALLS" "$ROUNDS" "$WHICH"
