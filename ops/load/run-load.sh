#!/usr/bin/env bash
# Load test of the packaged jar with -Xmx256m, against the floor on the same HTTP stack, in one run.
#
#   ops/load/run-load.sh                 # 20 s per measurement; writes docs/benchmarks/load.md
#   DURATION=5s WARMUP=5s ops/load/run-load.sh     # a quick check of the script
#
# wrk (Debian's package, installed when missing) POSTs the typical and the long-stay chart (dated now, so the
# cards fire) to POST /cds-services/petechiae-triage, the typical chart's order-sign call (a draft apixaban order) to
# POST /cds-services/antithrombotic-order-check, and each to POST /benchmark/floor (the `benchmark` profile: the
# body read into a Jackson tree, a fixed card answered; a test class, added to the packaged jar's class path here) at 1, 16 and 64 connections. Then: the service's heap
# (jcmd GC.heap_info, before and after a full GC), and whether the off-thread audit and issued-card queues kept
# every row (rows in the database against answers counted, drops in the service's log).
set -euo pipefail
cd "$(dirname "$0")/../.."
source ops/lib.sh

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-30s}
PORT=${PORT:-18090}
CONNECTIONS=${CONNECTIONS:-"1 16 64"}
HEAP=${HEAP:-256m}
out=docs/benchmarks/load.md
work=$(mktemp -d)

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
mvn -q -DskipTests package # the jar of the code in the work tree, and the test classes that write the charts
jar=$(ls target/pinpoint-*.jar | head -1)
mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.pinpointcds.bench.Charts -Dexec.args="$work/charts" >/dev/null

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# The floor is not in the production jar: its class (src/test/java/.../bench/floor) joins the jar's own through Spring
# Boot's PropertiesLauncher, so that the floor runs on exactly the jar's stack.
floor=$work/floor/org/pinpointcds/bench/floor
mkdir -p "$floor" && cp target/test-classes/org/pinpointcds/bench/floor/BenchmarkFloorController*.class "$floor"
java -Xmx"$HEAP" -XX:+ExitOnOutOfMemoryError -Dloader.path="$work/floor" -cp "$jar" \
  org.springframework.boot.loader.launch.PropertiesLauncher --server.port="$PORT" --pinpoint.data-dir="$work/data" \
  --spring.profiles.active=benchmark >"$work/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true' EXIT
wait_until_healthy "$PORT"

base=http://127.0.0.1:$PORT
# The order-sign call (contract section 6) goes to the order check; the other charts to the triage.
url() {
  case "$2:$1" in
    floor:*) echo "$base/benchmark/floor" ;;
    pinpoint:order-sign) echo "$base/cds-services/antithrombotic-order-check" ;;
    pinpoint:*) echo "$base/cds-services/petechiae-triage" ;;
  esac
}
# One wrk run: chart, endpoint, connections, duration. Prints the RESULT json.
measure() {
  local threads=$(($3 < 2 ? $3 : 2))
  BODY="$work/charts/$1.json" wrk -t"$threads" -c"$3" -d"$4" --timeout 10s --latency -s ops/load/post.lua \
    "$(url "$1" "$2")" | sed -n 's/^RESULT //p'
}

results="$work/results.jsonl"
warmups="$work/warmups.jsonl"
cards="{"
for chart in typical order-sign long-stay; do
  count=$(curl -s -H 'Content-Type: application/json' --data-binary @"$work/charts/$chart.json" "$(url "$chart" pinpoint)" \
    | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["cards"]))')
  cards+="\"$chart\": $count, "
  # JIT warm-up (the service's code keeps getting faster for tens of seconds), not in the tables; counted for the
  # audit check. Right before the chart's own measurements: the floor's long stays at 16 connections leave a 256 MB
  # heap in collections for a while, which the typical chart's measurements must not inherit.
  for endpoint in pinpoint floor; do
    echo "{\"chart\": \"$chart\", \"endpoint\": \"$endpoint\", \"result\": $(measure "$chart" "$endpoint" 16 "$WARMUP")}" >>"$warmups"
  done
  for connections in $CONNECTIONS; do
    for endpoint in pinpoint floor; do
      echo "{\"chart\": \"$chart\", \"endpoint\": \"$endpoint\", \"connections\": $connections, \"result\": $(measure \
        "$chart" "$endpoint" "$connections" "$DURATION")}" >>"$results"
      tail -1 "$results"
    done
  done
done
cards="${cards%, }}"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# Calls still in flight when wrk stopped end first: the floor's long stays at 64 connections can leave the JVM in
# full GCs (or out of memory) for a while, and then it answers neither HTTP nor jcmd.
for _ in $(seq 60); do
  curl -sf -m 2 "$base/actuator/health" >/dev/null && break
  sleep 1
done
heap() { jcmd $service "$1" 2>&1 | sed 1d || true; }
heap_loaded=$(heap GC.heap_info)
heap GC.run >/dev/null
heap_collected=$(heap GC.heap_info)
out_of_memory=$(grep -c OutOfMemoryError "$work/service.log" || true)
sleep 1 # the writers flush every 200 ms
kill $service && wait $service || true
trap - EXIT
drops=$(grep -c "queue is full" "$work/service.log" || true)
h2=$(ls ~/.m2/repository/com/h2database/h2/*/h2-*.jar | sort -V | tail -1)
rows() {
  java -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:file:$work/data/pinpoint" -user sa -password "" \
    -sql "select count(*) from $1" | sed -n '2p' | tr -d ' '
}
audit_rows=$(rows hook_call_audit)
issued_rows=$(rows issued_card)

python3 ops/load/report.py "$results" "$warmups" "$out" <<EOF
{"duration": "$DURATION", "warmup": "$WARMUP", "heap": "$HEAP", "nproc": "$(nproc)",
 "memory": "$(free -h | awk '/^Mem:/ {print $2}')", "java": $(java -version 2>&1 | head -1 | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read().strip()))'),
 "cpu": $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read().strip()))'),
 "wrk": $(wrk -v 2>&1 | head -1 | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read().strip()))'),
 "load_before": "$load_before", "load_after": "$load_after",
 "heap_loaded": $(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$heap_loaded"),
 "heap_collected": $(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$heap_collected"),
 "cards_per_answer": $cards, "audit_rows": ${audit_rows:-0}, "issued_rows": ${issued_rows:-0},
 "drop_warnings": ${drops:-0}, "out_of_memory": ${out_of_memory:-0}}
EOF
echo "wrote $out"
