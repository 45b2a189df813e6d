#!/usr/bin/env bash
# Home page render time on the empty platform database and, in the same run, after seeding 1,000
# changes and 200 projects (issue 10: busy within 1.5x of empty). Browserless: the view's service
# calls and component tree, no browser. Usage: bench/home/run.sh [runs]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
out="$repo/bench/results/home"
mkdir -p "$out"
cd "$repo"
./mvnw -B -q -o -pl console-app -am test-compile surefire:test@default-test -Dtest=HomeViewBench \
  -Dsurefire.failIfNoSpecifiedTests=false -Dsextant.bench.home=true -Dsextant.bench.home.runs="${1:-100}" \
  -Dsextant.bench.home.seed="$repo/platform-services/src/test/resources/home/seed.sql" \
  -Dsextant.bench.home.out="$out/figures.txt" > "$out/maven.log" 2>&1 || { tail -50 "$out/maven.log"; exit 1; }
cat "$out/figures.txt"
echo "Query plans of every home query on the busy database: HomeQueriesBoundedTests (platform-services) asserts each is bounded."
