#!/usr/bin/env bash
# Seconds from the README's run command (./sextant run) to the sign-in page being served, with a
# warm Maven cache: once on a fresh data directory (initdb + migrations + demo data) and twice on
# the kept one. Uses its own port and data directory. Usage: bench/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PORT="${PORT:-18080}" SEXTANT_EMBEDDED_PORT="${SEXTANT_EMBEDDED_PORT:-54399}"
export SEXTANT_EMBEDDED_DIRECTORY="$(mktemp -d)/sextant"
export SEXTANT_IDENTITY_SETUP_CODE_FILE="$SEXTANT_EMBEDDED_DIRECTORY/setup-code"
export SEXTANT_AUDIT_CHECKPOINT_FILE="$SEXTANT_EMBEDDED_DIRECTORY/checkpoints.jsonl"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}" ./mvnw -B -q -pl console-app -am process-classes  # compiled once, as a developer's tree would be
for label in fresh kept kept; do
  start=$(date +%s.%N)
  setsid ./sextant run > /tmp/sextant-startup.log 2>&1 & pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/idp/login" \
        && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/")" = "302" ]; do
    sleep 0.1
    if ! kill -0 $pid 2>/dev/null; then echo "console did not start; see /tmp/sextant-startup.log"; exit 1; fi
  done
  end=$(date +%s.%N)
  printf '%-6s data directory: %.1f s from ./sextant run to the sign-in page\n' "$label" "$(echo "$end - $start" | bc)"
  kill -- -$pid 2>/dev/null || kill $pid; wait $pid 2>/dev/null || true
  sleep 1
done
rm -rf "$(dirname "$SEXTANT_EMBEDDED_DIRECTORY")"
