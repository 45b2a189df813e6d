#!/usr/bin/env bash
# Retained heap per signed-in operator session (issue 2 goal: <= 200 KB). Usage: bench/session-heap.sh [N]
# Runs the packaged console (production mode, demo profile, throwaway data directory), signs in one
# operator to warm up, measures used heap after full GCs, signs in N more, measures again.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
n="${1:-120}"
port=18181
./mvnw -B -q -pl console-app -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
data="$(mktemp -d)"
"$JAVA_HOME/bin/java" -Xmx1g -jar console-app/target/console-app-0.1.0-SNAPSHOT.jar --spring.profiles.active=demo \
  --server.port=$port --sextant.embedded.directory="$data/db" --sextant.embedded.port=0 \
  --sextant.regions.eu-central.embedded-port=0 --sextant.regions.us-east.embedded-port=0 \
  --sextant.identity.setup-code-file="$data/setup-code" --sextant.audit.checkpoint-file="$data/checkpoints.jsonl" \
  --logging.level.root=WARN > "$data/console.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$port/idp/login"; do sleep 0.5; kill -0 $pid || { cat "$data/console.log"; exit 1; }; done
driver() { (cd console-app && exec "$JAVA_HOME/bin/java" -cp "target/test-classes:$(cat target/bench.classpath)" \
  io.sextant.console.bench.SessionHeapBench "http://localhost:$port" "$1"); }
used() {
  for i in 1 2 3; do "$JAVA_HOME/bin/jcmd" $pid GC.run >/dev/null; sleep 1; done
  "$JAVA_HOME/bin/jcmd" $pid GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+'
}
echo | driver 1 >/dev/null
before=$(used)
mkfifo "$data/go"
driver "$n" < "$data/go" > "$data/driver.out" &
drv=$!
exec 3> "$data/go"
until grep -q READY "$data/driver.out" 2>/dev/null; do sleep 1; kill -0 $drv || { cat "$data/driver.out"; exit 1; }; done
grep "signed in" "$data/driver.out"
after=$(used)
echo >&3
wait $drv
echo "sessions=$n heap before=${before} KiB after=${after} KiB retained per session=$(( (after - before) / n )) KiB (goal <= 200 KB)"
