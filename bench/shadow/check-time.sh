#!/usr/bin/env bash
# One check of the same change (int -> bigint on a table of N rows, default 1,000,000) with shadows
# on a throwaway server of their own (this tree) and, side by side, with the earlier same-server
# shadows (commit e6ad8c2, built in a temporary git worktree): check wall time cold and warm, and
# what each check cost the target's server (WAL bytes, pg_stat_io). Usage: bench/shadow/check-time.sh [N] [runs]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
n="${1:-1000000}"; runs="${2:-3}"
before_commit=e6ad8c2
out="$repo/bench/results/shadow-check"
mkdir -p "$out"
old="$(mktemp -d)/before"
trap 'git -C "$repo" worktree remove --force "$old" >/dev/null 2>&1 || true' EXIT
git -C "$repo" worktree add -q --detach "$old" "$before_commit"
mkdir -p "$old/platform-services/src/test/java/io/sextant/platform/changes/bench"
cp "$repo/platform-services/src/test/java/io/sextant/platform/changes/bench/ShadowCheckBench.java" \
   "$old/platform-services/src/test/java/io/sextant/platform/changes/bench/"
run() { # tree label
  local tree="$1" label="$2" m2="$1/.bench-m2"
  # A repository of its own for the two builds' SNAPSHOT modules, so that neither reads the other's.
  (cd "$tree" && ./mvnw -B -q -Dmaven.repo.local.tail="$HOME/.m2/repository" -Dmaven.repo.local="$m2" -pl platform-services -am test-compile -DskipTests \
    && ./mvnw -B -q -Dmaven.repo.local.tail="$HOME/.m2/repository" -Dmaven.repo.local="$m2" -pl platform-services dependency:build-classpath \
         -Dmdep.outputFile="$out/classpath-$label.txt" -Dmdep.includeScope=test) >&2
  local cp="$tree/platform-services/target/classes:$tree/platform-services/target/test-classes:$tree/database/target/classes:$tree/migrations/target/classes:$(cat "$out/classpath-$label.txt")"
  "$JAVA_HOME/bin/java" -Dlogback.configurationFile="$repo/database/codegen-logback.xml" \
    -cp "$cp" io.sextant.platform.changes.bench.ShadowCheckBench "$n" "$runs" "$label"
}
{
  run "$old" "same-server shadow ($before_commit)"
  echo
  run "$repo" "shadow server of its own (this tree)"
} | tee "$out/figures.txt"
