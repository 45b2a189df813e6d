#!/usr/bin/env bash
# Shadow apply of a column type change (int -> bigint) at several table sizes: the lock time
# projected from calibration shadows (1k..100k rows) versus the lock time measured on a full-size
# shadow, on a throwaway embedded PostgreSQL 18. Usage: bench/shadow/run.sh [sizes...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
out="$repo/bench/results/shadow"
mkdir -p "$out"
(cd "$repo" && ./mvnw -B -q -o -pl platform-services -am test-compile -DskipTests \
  && ./mvnw -B -q -o -pl platform-services dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test)
cp="$repo/platform-services/target/classes:$repo/platform-services/target/test-classes:$repo/database/target/classes:$(cat "$out/classpath.txt")"
"$JAVA_HOME/bin/java" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dlogback.configurationFile="$repo/database/codegen-logback.xml" \
  -cp "$cp" io.sextant.platform.changes.bench.ShadowBench "$@" | tee "$out/figures.txt"
