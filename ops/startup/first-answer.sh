#!/usr/bin/env bash
# Time to first answer: from `java -Xmx256m -jar` to the first 200 of POST /cds-services/petechiae-triage with
# cards (the minimal chart, dated now), polled every 20 ms; RUNS starts (default 5) of each layout, alternating, each
# on a fresh data folder:
#   - jar: the packaged jar as it is, `java -jar target/pinpoint-<version>.jar`;
#   - laid out: the same jar extracted with a class-data-sharing archive (ops/startup/cds-layout.sh), started with
#     `java -XX:SharedArchiveFile=... -jar`.
# Writes docs/benchmarks/startup.md with each run, the medians, where the time goes by the service's own log, and
# the CPU the JVM had used by the first answer (from /proc): in all, on the main thread, and on the JIT compilers.
#
#   ops/startup/first-answer.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS=${RUNS:-5}
PORT=${PORT:-18091}
HEAP=${HEAP:-256m}
out=docs/benchmarks/startup.md
work=$(mktemp -d)

mvn -q -DskipTests package
jar=$(ls target/pinpoint-*.jar | head -1)
mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.pinpointcds.bench.Charts -Dexec.args="$work/charts" >/dev/null
ops/startup/cds-layout.sh "$jar" "$work/laid-out" >/dev/null
declare -A starts=(
  [jar]="-jar $jar"
  [laid out]="-XX:SharedArchiveFile=$work/laid-out/application.jsa -jar $work/laid-out/$(basename "$jar")"
)

now_ms() { date +%s%3N; }
# CPU seconds used so far by process $1: "all main jit", the JIT being the C1 and C2 compiler threads. Fields are
# counted after the name in parentheses, which may hold spaces ("C2 CompilerThre").
cpu_used() {
  local tick task main=0 jit=0 all
  tick=$(getconf CLK_TCK)
  ticks() { sed 's/.*) //' "$1" 2>/dev/null | awk '{print $12 + $13}'; } # utime + stime
  all=$(ticks "/proc/$1/stat") # the process: threads that have ended count too
  for task in /proc/"$1"/task/*; do
    case $(cat "$task/comm" 2>/dev/null) in
      java) main=$((main + $(ticks "$task/stat"))) ;;
      C1\ CompilerThre* | C2\ CompilerThre*) jit=$((jit + $(ticks "$task/stat"))) ;;
    esac
  done
  awk -v t="$tick" -v a="$all" -v m="$main" -v j="$jit" 'BEGIN { printf "%.1f %.1f %.1f", a / t, m / t, j / t }'
}

# One start of layout $1 (run $2): appends its row and its time.
declare -A times
rows=""
start_once() {
  local layout=$1 run=$2 load started service answered="" log="$work/service-${1// /-}-$2.log"
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  started=$(now_ms)
  # shellcheck disable=SC2086 # the layout's java arguments, split on purpose
  java -Xmx"$HEAP" -XX:+ExitOnOutOfMemoryError ${starts[$layout]} --server.port="$PORT" --pinpoint.data-dir="$work/data-${layout// /-}-$run" \
    >"$log" 2>&1 &
  service=$!
  for _ in $(seq 1500); do # 30 s at most
    if curl -s -o "$work/answer.json" -w '%{http_code}' -H 'Content-Type: application/json' \
        --data-binary @"$work/charts/minimal.json" "http://127.0.0.1:$PORT/cds-services/petechiae-triage" 2>/dev/null \
        | grep -q 200 && grep -q '"summary"' "$work/answer.json"; then
      answered=$(( $(now_ms) - started ))
      read -r cpu_all cpu_main cpu_jit <<<"$(cpu_used "$service")"
      break
    fi
    sleep 0.02
  done
  kill "$service" && wait "$service" || true
  [[ -n $answered ]] || { echo "$layout, run $run: no answer in 30 s; see $log" >&2; exit 1; }
  spring=$(grep -o 'Started PinpointApplication in [0-9.]* seconds' "$log" | grep -o '[0-9.]* seconds' || echo '?')
  warm=$(grep -o 'warmed up [0-9]* service(s) in [0-9]* ms' "$log" | grep -o '[0-9]* ms$' || echo '?')
  times[$layout]+="$answered "
  rows+="| $layout | $run | $answered | $spring | $warm | $cpu_all | $cpu_main | $cpu_jit | $load |"$'\n'
  echo "$layout, run $run: first answer after $answered ms"
}

median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"; }
verdict() { [[ $1 -le 5000 ]] && echo met || echo '**missed**'; }

for run in $(seq "$RUNS"); do
  start_once jar "$run"
  start_once "laid out" "$run"
done
jar_median=$(median "${times[jar]}")
laid_out_median=$(median "${times[laid out]}")
cat >"$out" <<MD
# Time to first answer

Written by \`ops/startup/first-answer.sh\` (not by hand): \`java -Xmx$HEAP\` on a fresh data folder, then
\`POST /cds-services/petechiae-triage\` with the minimal chart every 20 ms until an answer with a card comes back.
Two layouts, alternating: **jar** is \`java -jar target/$(basename "$jar")\` as packaged; **laid out** is the same
jar extracted with a class-data-sharing archive by \`ops/startup/cds-layout.sh\`, started with
\`java -XX:SharedArchiveFile=DIR/application.jsa -jar DIR/$(basename "$jar")\`. The CPU columns are what the JVM
had used by the first answer: in all (every thread, those that ended included), on the main thread, and on the JIT
compilers (C1 and C2).
$(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') of memory, $(java -version 2>&1 | head -1).

| layout | run | first answer (ms after start) | Spring's "Started ... in" | start-up warm-up (StartupWarmUp) | CPU by then (s) | main thread (s) | JIT compilers (s) | load average (1, 5, 15 min) |
|---|---|---|---|---|---|---|---|---|
$rows
Median, jar: **$jar_median ms** (goal <= 5,000 ms: $(verdict "$jar_median")).
Median, laid out: **$laid_out_median ms** (goal <= 5,000 ms: $(verdict "$laid_out_median")).
MD
echo "wrote $out"
