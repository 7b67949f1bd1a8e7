#!/usr/bin/env bash
# Soak run (not in CI): the jar with -Xmx256m under a steady load for DURATION, half the calls with the typical
# chart as prefetch, half without prefetch and fetched from a FHIR server on loopback that cycles every PHASE
# through healthy, HTTP 500 and stalled (bench/FaultyFhirServer). The live heap (after a full GC) is sampled every
# SAMPLE seconds. Passes when every answer is a 200 or an expected 412 (no other status, no socket error) and the
# live heap at the end is within 10% (or 10 MB) of the live heap after warm-up. Writes docs/benchmarks/soak.md.
#
#   ops/soak/run-soak.sh                          # 30 minutes at about 100 calls/s
#   DURATION=2m PHASE=20 SAMPLE=15 ops/soak/run-soak.sh   # a check of the script
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-30m}
RATE=${RATE:-100}
CONNECTIONS=${CONNECTIONS:-16}
PHASE=${PHASE:-60}
SAMPLE=${SAMPLE:-60}
HEAP=${HEAP:-256m}
PORT=${PORT:-18093}
STUB_PORT=${STUB_PORT:-18094}
out=docs/benchmarks/soak.md
work=$(mktemp -d)

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
mvn -q -DskipTests package
jar=$(ls target/pinpoint-*.jar | head -1)
mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.pinpointcds.bench.Charts -Dexec.args="$work/charts" >/dev/null
cat >"$work/fetch.json" <<JSON
{"hook": "patient-view", "hookInstance": "soak", "fhirServer": "http://127.0.0.1:$STUB_PORT/fhir",
 "fhirAuthorization": {"access_token": "soak-token", "token_type": "Bearer", "expires_in": 3600, "scope": "user/*.read",
                       "subject": "pinpoint"},
 "context": {"userId": "Practitioner/soak", "patientId": "p1"}}
JSON

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.pinpointcds.bench.FaultyFhirServer \
  -Dexec.args="$STUB_PORT $PHASE" >"$work/fhir-server.log" 2>&1 &
pids+=($!)
java -Xmx"$HEAP" -XX:+ExitOnOutOfMemoryError -jar "$jar" --server.port="$PORT" --pinpoint.data-dir="$work/data" >"$work/service.log" 2>&1 &
service=$!
pids+=($service)
for _ in $(seq 120); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && curl -s -o /dev/null "http://127.0.0.1:$STUB_PORT/fhir/Patient/p1" && break
  sleep 0.5
done

# The live heap every SAMPLE seconds: a full GC, then what is used.
sample() {
  while kill -0 "$service" 2>/dev/null; do
    jcmd "$service" GC.run >/dev/null 2>&1 || break
    used=$(jcmd "$service" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1 | grep -o '[0-9]*')
    echo "$(date +%s) ${used:-0} $(cut -d' ' -f1 /proc/loadavg)" >>"$work/heap.txt"
    sleep "$SAMPLE"
  done
}
started=$(date +%s)
sample &
pids+=($!)

delay=$((CONNECTIONS * 1000 / RATE))
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
result=$(PREFETCH_BODY="$work/charts/typical.json" FETCH_BODY="$work/fetch.json" DELAY_MS=$delay \
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s ops/soak/soak.lua "http://127.0.0.1:$PORT/cds-services/petechiae-triage" \
  | sed -n 's/^RESULT //p')
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
phases=$(grep -oE 'HEALTHY|ERROR|STALL' "$work/fhir-server.log" | sort | uniq -c | awk '{printf "%s%s %s", sep, $1, $2; sep=", "}')
echo "$result"
kill "${pids[@]}" 2>/dev/null || true
trap - EXIT

python3 - "$work/heap.txt" "$out" "$started" <<PY
import json, sys
samples = [line.split() for line in open(sys.argv[1]) if line.strip()]
result = json.loads('''$result''')
started = int(sys.argv[3])
statuses = {int(k): v for k, v in result["statuses"].items()}
unexpected = sum(v for k, v in statuses.items() if k not in (200, 412)) + result["socket_errors"]
live = [(int(t) - started, int(kb) / 1024, load) for t, kb, load in samples]
settled = [mb for s, mb, _ in live if s >= min(120, $((${SAMPLE} * 2)))] or [mb for _, mb, _ in live]
first, last = settled[0], settled[-1]
flat = last <= max(first * 1.10, first + 10)
lines = ["# Soak run", "",
  "Written by \`ops/soak/run-soak.sh\` (not by hand): the jar with \`-Xmx$HEAP\` for $DURATION at about $RATE calls/s",
  "($CONNECTIONS connections, $delay ms between a connection's calls), half with the typical chart as prefetch, half",
  "without prefetch and fetched from \`bench/FaultyFhirServer\` on loopback, which turns every $PHASE s from healthy to",
  "HTTP 500 to stalled (3 s, beyond Pinpoint's 1.5 s call timeout) and back (phases: $phases). A 412 is the expected",
  "answer while the FHIR server fails. $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') of memory, $(java -version 2>&1 | head -1 | tr -d '"');",
  "load average $load_before before and $load_after after.", "",
  "| answers | count |", "|---|---|"]
lines += ["| %d | %d |" % (k, statuses[k]) for k in sorted(statuses)]
lines += ["| socket errors | %d |" % result["socket_errors"], "",
  "%d calls in %.0f s (%.1f/s), p50 %.1f ms, p99 %.1f ms, max %.0f ms." % (result["requests"], result["seconds"],
      result["requests"] / result["seconds"], result["p50_ms"], result["p99_ms"], result["max_ms"]), "",
  "| seconds into the run | live heap after a full GC (MB) | load average (1 min) |", "|---|---|---|"]
lines += ["| %d | %.1f | %s |" % row for row in live]
lines += ["",
  "- errors other than the expected 412: **%d** (%s)" % (unexpected, "met" if unexpected == 0 else "**missed**"),
  "- live heap after warm-up %.1f MB, at the end %.1f MB: %s" % (first, last,
      "flat (met)" if flat else "**grew** (missed)"), ""]
open(sys.argv[2], "w").write("\n".join(lines))
print("wrote", sys.argv[2], "unexpected errors:", unexpected, "heap", first, "->", last)
PY
