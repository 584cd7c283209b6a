#!/usr/bin/env bash
# Times the README's test command (./mvnw -B verify) for one or more commits, each in a fresh clone, and
# prints per-module times, the project's own suites, the downstream consumer projects and the total, with
# the ratio of every commit to the first one. Commits alternate when --rounds > 1, so a before and an after
# share the machine's load; compare the ratios, not the absolute figures, on a shared machine.
#
#   tools/build-times.sh [--cold] [--rounds N] [--keep] [REF ...]     (default REF: HEAD)
#   tools/build-times.sh main HEAD                # warm: before and after, one round each
#   tools/build-times.sh --cold main HEAD         # cold: empty local repositories, no npm tools
#
# warm: the local repository (~/.m2/repository), the consumers' repository beside it
#       (kling-effects-downstream-repository) and tools/node_modules (copied from this checkout when its
#       lock file matches) are filled, as on a developer's machine after one build.
# cold: an empty local repository and consumers' repository (-Dmaven.repo.local=<tmp>/m2/repository), an
#       empty Maven wrapper home (MAVEN_USER_HOME: the wrapper downloads Maven too), no tools/node_modules
#       and an empty cache of npm installs (KLING_EFFECTS_TOOLS_CACHE, see tools/install.sh); only npm's own
#       download cache (~/.npm/_cacache) is kept between runs, as CI keeps it.
# Logs and clones go to $BUILD_TIMES_DIR (default: a new folder under /tmp), named in the output.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cold=false rounds=1 keep=false refs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --cold) cold=true ;;
    --rounds) rounds=$2; shift ;;
    --keep) keep=true ;;
    -h|--help) sed -n '2,/^set /p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "build-times.sh: unknown option $1" >&2; exit 2 ;;
    *) refs+=("$1") ;;
  esac
  shift
done
[ ${#refs[@]} -gt 0 ] || refs=(HEAD)
work=${BUILD_TIMES_DIR:-$(mktemp -d /tmp/build-times.XXXXXX)}
mkdir -p "$work"
mode=$($cold && echo cold || echo warm)

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# One build of one commit; writes <work>/<label>.log and <label>.times (module<TAB>seconds lines).
build() {
  local ref=$1 label=$2 sha dir start end
  sha=$(git -C "$repo" rev-parse --verify "$ref^{commit}")
  dir="$work/$label"
  rm -rf "$dir"
  git clone -q --no-checkout "$repo" "$dir"
  git -C "$dir" checkout -q "$sha"
  local env=() args=(-B verify)
  if $cold; then
    rm -rf "$work/$label-m2"
    mkdir -p "$work/$label-m2/repository"
    env=(MAVEN_USER_HOME="$work/$label-m2" KLING_EFFECTS_TOOLS_CACHE="$work/$label-m2/tools-cache")
    args+=("-Dmaven.repo.local=$work/$label-m2/repository")
  elif [ -d "$repo/tools/node_modules" ] && cmp -s "$repo/tools/package-lock.json" "$dir/tools/package-lock.json"; then
    cp -a "$repo/tools/node_modules" "$dir/tools/"
  fi
  echo "  $label: $ref ($(git -C "$dir" log -1 --format='%h %s' | cut -c1-70)), load before $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  start=$(now)
  local rc=0 TIMEFORMAT='%U %S'
  # CPU seconds (user + system, the forked JVMs, Maven runs and node included) depend far less on the other
  # load of a shared machine than the wall clock does.
  # The log redirection stays inside the timed subshell: on the pipeline it would take time's report with it.
  { time (cd "$dir" && env "${env[@]}" ./mvnw "${args[@]}" > "$work/$label.log" 2>&1) || rc=$?; } 2> "$work/$label.cpu"
  end=$(now)
  # "[INFO] Kling effects contract tests ..... SUCCESS [ 48.612 s]" or "[01:02 min]"
  sed -n '/Reactor Summary/,/BUILD/p' "$work/$label.log" \
    | sed -nE 's/^\[INFO\] (.+[^ .])[ .]+(SUCCESS|FAILURE|SKIPPED) \[ *([0-9:.]+) (s|min)\]$/\1\t\3 \4/p' \
    | awk -F'\t' '{ split($2, t, " "); v = t[1]; if (t[2] == "min") { split(v, m, ":"); v = m[1] * 60 + m[2] } printf "%s\t%.1f\n", $1, v }' \
    > "$work/$label.times"
  local tests consumers
  tests=$(find "$dir" -path '*/target/it' -prune -o -path '*/target/surefire-reports/TEST-*.xml' -print0 \
    | xargs -0r grep -ho '^<testsuite [^>]*' | grep -o ' tests="[0-9]*"' | tr -dc '0-9\n' | awk '{ s += $1 } END { print s + 0 }' || true)
  # Consumer projects that ran tests, and their tests (one invoker run of their reactor, or one run each).
  consumers=$(for d in "$dir"/contract-tests/downstream/target/it/*/target/surefire-reports; do
      if ls "$d"/TEST-*.xml > /dev/null 2>&1; then echo "$d"; fi; done | wc -l)
  consumer_tests=$(find "$dir"/contract-tests/downstream/target/it -path '*/target/surefire-reports/TEST-*.xml' -print0 2>/dev/null \
    | xargs -0r grep -ho '^<testsuite [^>]*' | grep -o ' tests="[0-9]*"' | tr -dc '0-9\n' | awk '{ s += $1 } END { print s + 0 }' || true)
  printf 'cpu\t%s\n' "$(awk '{ printf "%.1f", $1 + $2 }' "$work/$label.cpu")" >> "$work/$label.times"
  printf 'consumertests\t%s\n' "$consumer_tests" >> "$work/$label.times"
  printf 'total\t%s\nrc\t%s\ntests\t%s\nconsumers\t%s\nloglines\t%s\nprogress\t%s\n' \
    "$(secs "$start" "$end")" "$rc" "$tests" "$consumers" "$(wc -l < "$work/$label.log")" \
    "$(grep -c -E 'Download(ing|ed) from|Progress \(|^npm (http|timing)' "$work/$label.log" || true)" >> "$work/$label.times"
  if $cold && ! $keep; then rm -rf "$work/$label-m2"; fi
  if ! $keep; then rm -rf "$dir"; fi
  echo "  $label: $(secs "$start" "$end") s, load after $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  [ "$rc" = 0 ] || echo "  $label: BUILD FAILED (rc $rc), see $work/$label.log" >&2
}

echo "build-times.sh: $mode ./mvnw -B verify, ${#refs[@]} commit(s), $rounds round(s), $(nproc) cores; logs in $work" >&2
for round in $(seq 1 "$rounds"); do
  for i in "${!refs[@]}"; do
    build "${refs[$i]}" "$mode-r$round-c$i"
  done
done

# Medians over the rounds: per module, own suites (all but the consumer projects), consumers, total.
value() { awk -F'\t' -v k="$2" '$1 == k { print $2 }' "$1"; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
consumer_module='Kling effects downstream consumer projects'
stat() { # stat <commit index> <key>: median over the rounds
  for round in $(seq 1 "$rounds"); do
    local f="$work/$mode-r$round-c$1.times"
    case "$2" in
      own) awk -F'\t' -v c="$consumer_module" '$1 == "total" { t = $2 } $1 == c { d = $2 } END { printf "%.1f\n", t - d }' "$f" ;;
      *) value "$f" "$2" ;;
    esac
  done | median
}
modules=$(cut -f1 "$work/$mode-r1-c0.times" | grep -v -x -E 'total|cpu|rc|tests|consumers|consumertests|loglines|progress')
for i in "${!refs[@]}"; do
  [ "$i" = 0 ] || modules=$(printf '%s\n%s\n' "$modules" "$(cut -f1 "$work/$mode-r1-c$i.times" | grep -v -x -E 'total|cpu|rc|tests|consumers|consumertests|loglines|progress')" | awk '!seen[$0]++')
done

header="$(printf '%-52s' "$mode, median of $rounds (s)")"
for i in "${!refs[@]}"; do header+=$(printf ' %12s' "${refs[$i]:0:12}"); [ "$i" = 0 ] || header+=$(printf ' %7s' ratio); done
echo "$header"
row() { # row <label> <key>
  local line first v
  line=$(printf '%-52s' "${1:0:52}")
  first=$(stat 0 "$2")
  for i in "${!refs[@]}"; do
    v=$(stat "$i" "$2")
    line+=$(printf ' %12s' "${v:--}")
    if [ "$i" != 0 ]; then
      line+=$(awk -v a="$first" -v b="$v" 'BEGIN { if (a > 0 && b != "") printf " %6.2fx", b / a; else printf " %7s", "-" }')
    fi
  done
  echo "$line"
}
while IFS= read -r m; do [ -n "$m" ] && row "  $m" "$m"; done <<< "$modules"
row "own suites (total minus consumer projects)" own
row "consumer projects" "$consumer_module"
row "total wall clock" total
row "CPU seconds (user + system)" cpu
row "tests run (surefire reports)" tests
row "consumer projects with test reports" consumers
row "consumer project tests" consumertests
row "log lines" loglines
row "download progress lines" progress
row "exit code" rc
