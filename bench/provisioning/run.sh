#!/usr/bin/env bash
# Provisioning time from apply to tenant ready, shared and dedicated, on the embedded region servers.
# Usage: bench/provisioning/run.sh [runs]   (prints "BENCH provisioning SHARED|DEDICATED: median=… max=…")
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -B -q -o -pl platform-services -am verify -DargLine="-Dbench=true -Dbench.runs=${1:-7}" \
  -Dtest='io.sextant.platform.tenancy.ProvisioningBenchmark' -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep '^BENCH' \
  || grep -h '^BENCH' platform-services/target/surefire-reports/*ProvisioningBenchmark-output.txt
