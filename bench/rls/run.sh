#!/usr/bin/env bash
# Row-level-security policy forms (naive per-row lookup, hand-optimised InitPlan, Sextant-generated)
# on a 1,000,000-row table, for a tenant owning 1%, 10% and 50% of the rows, on a throwaway embedded
# PostgreSQL 18. Usage: bench/rls/run.sh [naive runs] [other runs]   (default 5 and 15, each after a warm-up)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
out="$repo/bench/results/rls"
mkdir -p "$out"
(cd "$repo" && ./mvnw -B -q -o -pl platform-services -am test-compile -DskipTests \
  && ./mvnw -B -q -o -pl platform-services dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test)
cp="$repo/platform-services/target/classes:$repo/platform-services/target/test-classes:$repo/database/target/classes:$(cat "$out/classpath.txt")"
"$JAVA_HOME/bin/java" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dlogback.configurationFile="$repo/database/codegen-logback.xml" \
  -cp "$cp" io.sextant.platform.authz.bench.RlsFormsBench "$@" | tee "$out/figures.txt"
