#!/usr/bin/env bash
# Decision latency (p50, p99, mean per call) of Sextant's policy engine vs cedar-java on equivalent
# policy sets of 10, 100 and 1,000 rules, one run, after checking both decide every request alike.
# Usage: bench/policy/run.sh [--requests N] [--rounds R] [--warmup W] [--cedar-budget SECONDS] [--uncached N] [sizes...]
#        bench/policy/run.sh --trace-digest   (hash of all Sextant traces of the workload, to compare engine changes)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
out="$repo/bench/results/policy"
mkdir -p "$out"
# Offline, except the first time: then cedar-java and its dependencies come from Maven Central.
ver="$(sed -n 's:.*<cedar-java.version>\(.*\)</cedar-java.version>.*:\1:p' "$repo/pom.xml")"
offline=-o
[[ -f "$HOME/.m2/repository/com/cedarpolicy/cedar-java/$ver/cedar-java-$ver-uber.jar" ]] || offline=
# Builds platform-services and the bench module in one reactor (profile bench-policy), so the classpath
# points at this tree's classes, never at an installed copy.
(cd "$repo" && ./mvnw -B -q $offline -Pbench-policy -pl bench/policy -am compile dependency:build-classpath \
  -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=runtime)
cp="$repo/bench/policy/target/classes:$(cat "$out/classpath.txt")"
"$JAVA_HOME/bin/java" -Xms2g -Xmx2g -XX:+AlwaysPreTouch --enable-native-access=ALL-UNNAMED \
  -cp "$cp" io.sextant.bench.policy.PolicyBench --out "$out" "$@" | tee "$out/figures.txt"
