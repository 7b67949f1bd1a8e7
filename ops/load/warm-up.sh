#!/usr/bin/env bash
# How fast the service reaches its speed after `java -Xmx256m -jar`, under load from the first second: wrk POSTs the
# typical chart at 16 connections in WINDOWS back-to-back windows of WINDOW each, starting as soon as the health
# endpoint answers. For each window: requests/s, p99, the CPU per call of the request threads, and the CPU seconds
# the JIT's C2 compiler threads and the garbage collector got. Run
# once per configuration in CONFIGS (JVM system properties; "default" is none: twice the cores' request threads), each
# on a fresh JVM; the other default configuration is Tomcat's own pool of 200. Writes docs/benchmarks/warm-up.md.
#
#   ops/load/warm-up.sh
#   CONFIGS="default -Dserver.tomcat.threads.max=2" WINDOWS=4 ops/load/warm-up.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source ops/lib.sh

WINDOW=${WINDOW:-15s}
WINDOWS=${WINDOWS:-8}
PORT=${PORT:-18095}
HEAP=${HEAP:-256m}
read -r -a configs <<<"${CONFIGS:-default -Dserver.tomcat.threads.max=200}"
out=docs/benchmarks/warm-up.md
work=$(mktemp -d)

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
mvn -q -DskipTests package
jar=$(ls target/pinpoint-*.jar | head -1)
mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.pinpointcds.bench.Charts -Dexec.args="$work/charts" >/dev/null

# CPU ticks (user + system) of the JVM $1's threads, as JSON: request threads, C2 compiler threads, GC threads
thread_ticks() {
  local task name ticks http=0 c2=0 gc=0
  for task in /proc/"$1"/task/*; do
    name=$(cat "$task/comm" 2>/dev/null) || continue
    ticks=$(awk '{print $14 + $15}' "$task/stat" 2>/dev/null) || continue
    case $name in
      http-nio*) http=$((http + ticks)) ;;
      "C2 Compiler"*) c2=$((c2 + ticks)) ;;
      "GC Thread"* | G1*) gc=$((gc + ticks)) ;;
    esac
  done
  echo "{\"http\": $http, \"c2\": $c2, \"gc\": $gc}"
}

results="$work/results.jsonl"
for config in "${configs[@]}"; do
  props=()
  [[ $config == default ]] || props=("$config")
  java -Xmx"$HEAP" -XX:+ExitOnOutOfMemoryError "${props[@]}" -jar "$jar" --server.port="$PORT" --pinpoint.data-dir="$work/data-$RANDOM" \
    >"$work/service.log" 2>&1 &
  service=$!
  trap 'kill $service 2>/dev/null || true' EXIT
  wait_until_healthy "$PORT"
  for window in $(seq "$WINDOWS"); do
    before=$(thread_ticks $service)
    result=$(BODY="$work/charts/typical.json" wrk -t2 -c16 -d"$WINDOW" --timeout 10s --latency -s ops/load/post.lua \
      "http://127.0.0.1:$PORT/cds-services/petechiae-triage" | sed -n 's/^RESULT //p')
    after=$(thread_ticks $service)
    echo "{\"config\": \"$config\", \"window\": $window, \"ticks_before\": $before, \"ticks_after\": $after, \"result\": $result}" \
      | tee -a "$results"
  done
  kill $service && wait $service || true
  trap - EXIT
done

python3 - "$results" "$out" "$WINDOW" "$HEAP" "$(nproc)" "$(java -version 2>&1 | head -1)" "$(cut -d' ' -f1-3 /proc/loadavg)" \
  "$(getconf CLK_TCK)" <<'PY'
import json, sys
results_file, out, window, heap, nproc, java, load, hz = sys.argv[1:9]
hz = int(hz)
rows = [json.loads(line) for line in open(results_file)]
configs = list(dict.fromkeys(r["config"] for r in rows))
lines = ["# Warm-up under load", "",
         "Written by `ops/load/warm-up.sh` (not by hand): `java -Xmx%s -jar` and, from the moment its health endpoint" % heap,
         "answers, wrk POSTing the typical chart at 16 connections in back-to-back windows of %s. For each window:" % window,
         "the requests per second, the p99, the request threads' CPU per call, and the CPU seconds the JIT's C2 compiler",
         "threads and the garbage collector's threads got (from /proc, in ticks of 1/%d s). One fresh JVM per" % hz,
         "configuration (the JVM system properties named). %s cores, %s; load average at the end %s." % (nproc, java, load), ""]
for config in configs:
    title = "default: the service's own pool, max(4, twice the cores) request threads" if config == "default" else config
    lines += ["## %s" % title, "",
              "| window | requests/s | p99 ms | errors | request threads, CPU µs per call | C2 compiler CPU s | GC CPU s |",
              "|---|---|---|---|---|---|---|"]
    for r in (r for r in rows if r["config"] == config):
        res = r["result"]
        used = {k: (r["ticks_after"][k] - r["ticks_before"][k]) / hz for k in ("http", "c2", "gc")}
        lines.append("| %d | %.0f | %.2f | %d | %.0f | %.2f | %.2f |" % (
            r["window"], res["rps"], res["p99_ms"], res["non2xx"] + res["socket_errors"],
            1e6 * used["http"] / max(1, res["requests"]), used["c2"], used["gc"]))
    lines.append("")
open(out, "w").write("\n".join(lines))
PY
echo "wrote $out"
