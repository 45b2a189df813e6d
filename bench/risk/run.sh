#!/usr/bin/env bash
# The fast prefilter of risk scores on a fixed workload (the demo model; N requests of 200
# principals, 2 % high-risk), side by side with the full scorer in one run: share short-circuited,
# recall, throughput end to end (durable) and of the scoring stage alone, and the digit-level
# ("Vedic") primitives against plain long arithmetic. On the test JVM's embedded PostgreSQL 18.
# Usage: bench/risk/run.sh [N]     Prints "BENCH risk ..." lines (also in bench/results/risk/figures.txt).
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mkdir -p bench/results/risk
./mvnw -B -q -o -pl platform-services -am verify \
  -DargLine="${BENCH_JVM_ARGS:-} -Dbench=true -Dbench.n=${1:-4000}" \
  -Dtest='io.sextant.platform.risk.internal.RiskPrefilterBench' -Dsurefire.failIfNoSpecifiedTests=false 2>&1 \
  | grep '^BENCH' | tee bench/results/risk/figures.txt
