#!/usr/bin/env bash
# Time to first answer: from `java -Xmx256m -jar` to the first 200 of POST /cds-services/petechiae-triage with
# cards (the minimal chart, dated now), polled every 20 ms; RUNS starts (default 5), each on a fresh data folder.
# Writes docs/benchmarks/startup.md with each run, the median, and where the time goes by the service's own log.
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

now_ms() { date +%s%3N; }
rows=""
times=()
for run in $(seq "$RUNS"); do
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  started=$(now_ms)
  java -Xmx"$HEAP" -jar "$jar" --server.port="$PORT" --pinpoint.data-dir="$work/data-$run" >"$work/service-$run.log" 2>&1 &
  service=$!
  answered=""
  for _ in $(seq 1500); do # 30 s at most
    if curl -s -o "$work/answer.json" -w '%{http_code}' -H 'Content-Type: application/json' \
        --data-binary @"$work/charts/minimal.json" "http://127.0.0.1:$PORT/cds-services/petechiae-triage" 2>/dev/null \
        | grep -q 200 && grep -q '"summary"' "$work/answer.json"; then
      answered=$(( $(now_ms) - started ))
      break
    fi
    sleep 0.02
  done
  kill "$service" && wait "$service" || true
  [[ -n $answered ]] || { echo "run $run: no answer in 30 s; see $work/service-$run.log" >&2; exit 1; }
  spring=$(grep -o 'Started PinpointApplication in [0-9.]* seconds' "$work/service-$run.log" | grep -o '[0-9.]* seconds' || echo '?')
  warm=$(grep -o 'warmed up [0-9]* service(s) in [0-9]* ms' "$work/service-$run.log" | grep -o '[0-9]* ms$' || echo '?')
  times+=("$answered")
  rows+="| $run | $answered | $spring | $warm | $load |"$'\n'
  echo "run $run: first answer after $answered ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
verdict=$([[ $median -le 5000 ]] && echo met || echo '**missed**')
cat >"$out" <<MD
# Time to first answer

Written by \`ops/startup/first-answer.sh\` (not by hand): \`java -Xmx$HEAP -jar\` on a fresh data folder, then
\`POST /cds-services/petechiae-triage\` with the minimal chart every 20 ms until an answer with a card comes back.
$(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') of memory, $(java -version 2>&1 | head -1).

| run | first answer (ms after \`java -jar\`) | Spring's "Started ... in" | start-up warm-up (StartupWarmUp) | load average (1, 5, 15 min) |
|---|---|---|---|---|
$rows
Median: **$median ms** (goal <= 5,000 ms: $verdict).
MD
echo "wrote $out"
