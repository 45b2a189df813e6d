#!/usr/bin/env bash
# Retained heap per signed-in operator session (issue 2 goal: <= 200 KB). Usage: bench/session-heap.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
./mvnw -B -q -pl console-app -am test-compile -DskipTests
./mvnw -B -q -pl console-app exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.sextant.console.bench.SessionHeapBench -Dexec.args="${1:-120}" -Dexec.cleanupDaemonThreads=false
