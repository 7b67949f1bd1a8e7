#!/usr/bin/env bash
# Lays the jar out for a faster start, the way Spring Boot documents class-data sharing: extracts it into DIR (plain
# jars, no nested-jar class loader), then starts it there once so that the JVM records the classes start-up loads in
# DIR/application.jsa (a training run that stops as soon as the application context is refreshed, on a throwaway data
# folder and a free port). Then start the service with
#
#   java -XX:SharedArchiveFile=DIR/application.jsa -jar DIR/pinpoint-<version>.jar [the usual options]
#
# The archive belongs to this JVM and this jar: lay out again after either changes (a JVM that cannot use the
# archive says so and starts without it, only slower).
#
#   ops/startup/cds-layout.sh target/pinpoint-0.1.0-SNAPSHOT.jar /opt/pinpoint
set -euo pipefail
jar=$1
dir=$2

rm -rf "$dir"
java -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
training=$(mktemp -d)
if ! java -XX:ArchiveClassesAtExit="$dir/application.jsa" -Dspring.context.exit=onRefresh \
    -jar "$dir/$(basename "$jar")" --server.port=0 --pinpoint.data-dir="$training/data" >"$training/run.log" 2>&1; then
  cat "$training/run.log" >&2
  exit 1
fi
rm -rf "$training"
echo "$dir: start with java -XX:SharedArchiveFile=$dir/application.jsa -jar $dir/$(basename "$jar")"
