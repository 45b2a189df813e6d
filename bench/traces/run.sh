#!/usr/bin/env bash
# Decisions with durable traces per second through TraceStore.record(...).join() under 1, 8 and 32
# concurrent callers, side by side with one COPY of the same N rows in one transaction, on the
# test JVM's embedded PostgreSQL 18 (synchronous_commit on for every trace transaction).
# Usage: bench/traces/run.sh [N] [callers] [writers]   e.g. bench/traces/run.sh 50000 1,8,32 1
# Prints "BENCH traces ..." lines; BENCH_JVM_ARGS adds options to the test JVM (e.g. a JFR recording).
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mkdir -p bench/results/traces
./mvnw -B -q -o -pl platform-services -am verify \
  -DargLine="${BENCH_JVM_ARGS:-} -Dbench=true -Dbench.n=${1:-50000} -Dbench.callers=${2:-1,8,32} -Dbench.writers=${3:-1}" \
  -Dtest='io.sextant.platform.authz.internal.TraceBenchmark' -Dsurefire.failIfNoSpecifiedTests=false 2>&1 \
  | grep '^BENCH' | tee bench/results/traces/figures.txt
