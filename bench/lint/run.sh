#!/usr/bin/env bash
# Lint throughput and findings: Sextant's MigrationLinter vs squawk-cli on the same corpus, one run.
# Usage: bench/lint/run.sh [corpus-dir] [squawk-runs]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
corpus="${1:-$here/corpus}"
runs="${2:-20}"
out="$repo/bench/results/lint"
mkdir -p "$out"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"

squawk="$here/node/node_modules/.bin/squawk"
if [[ ! -x "$squawk" ]]; then
  npm install --prefix "$here/node" squawk-cli >/dev/null
fi
"$squawk" --version

(cd "$repo" && ./mvnw -B -q -o -pl platform-services -am test-compile -DskipTests)
cp="$repo/platform-services/target/classes:$repo/platform-services/target/test-classes"

# Sextant: in-process loop (warm) plus the first pass (cold, includes class loading).
sextant_line="$("$JAVA_HOME/bin/java" -cp "$cp" io.sextant.platform.changes.bench.LintBench "$corpus" "$out/sextant.tsv" 3)"
echo "sextant: $sextant_line"
statements="$(sed -E 's/.*statements=([0-9]+).*/\1/' <<<"$sextant_line")"

# squawk: one process over the whole corpus per run (its normal CLI use), best of $runs.
"$squawk" --reporter json "$corpus"/*.sql > "$out/squawk.json" || true
best=""
for ((i = 0; i < runs; i++)); do
  s=$(date +%s%N); "$squawk" --reporter json "$corpus"/*.sql >/dev/null || true; e=$(date +%s%N)
  ms=$(( (e - s) / 1000000 )); if [[ -z "$best" || "$ms" -lt "$best" ]]; then best=$ms; fi
done
# Sextant the same way: a fresh JVM per run over the whole corpus (cold), best of 5.
jbest=""
for ((i = 0; i < 5; i++)); do
  s=$(date +%s%N); "$JAVA_HOME/bin/java" -cp "$cp" io.sextant.platform.changes.bench.LintBench "$corpus" /dev/null 0 >/dev/null; e=$(date +%s%N)
  ms=$(( (e - s) / 1000000 )); if [[ -z "$jbest" || "$ms" -lt "$jbest" ]]; then jbest=$ms; fi
done

# Steady state: the corpus copied 40 times, one process each, so start-up is amortised for both tools.
big="$(mktemp -d)"; trap 'rm -rf "$big"' EXIT
for ((k = 0; k < 40; k++)); do for f in "$corpus"/*.sql; do cp "$f" "$big/c${k}_$(basename "$f")"; done; done
s=$(date +%s%N); "$squawk" --reporter json "$big"/*.sql >/dev/null || true; e=$(date +%s%N); sq_big=$(( (e - s) / 1000000 ))
s=$(date +%s%N); "$JAVA_HOME/bin/java" -cp "$cp" io.sextant.platform.changes.bench.LintBench "$big" /dev/null 0 >/dev/null; e=$(date +%s%N); sx_big=$(( (e - s) / 1000000 ))

python3 - "$out/squawk.json" "$out/sextant.tsv" "$statements" "$best" "$jbest" "$sextant_line" "$sq_big" "$sx_big" <<'PY'
import json, sys, collections
squawk_json, sextant_tsv, statements, sq_ms, jvm_ms, line, sq_big, sx_big = sys.argv[1:9]
statements, sq_ms, jvm_ms = int(statements), int(sq_ms), int(jvm_ms)
kv = dict(p.split("=") for p in line.split())
# squawk id -> Sextant id, where the names differ
alias = {"require-lock-timeout": "require-timeout-settings", "require-statement-timeout": "require-timeout-settings",
         "prefer-timestamp-tz": "prefer-timestamptz", "adding-serial-primary-key-field": "adding-primary-key-constraint"}
sq = collections.defaultdict(set)
for f in json.load(open(squawk_json)):
    sq[alias.get(f["rule_name"], f["rule_name"])].add(f["file"].rsplit("/", 1)[-1])
sx = collections.defaultdict(set)
for l in open(sextant_tsv):
    file, rule, sev = l.rstrip("\n").split("\t")
    sx[rule].add(file)
sextant_rules = set(sx) | {"ban-truncate", "ban-uncommitted-transaction"}
print()
print("%-34s %12s %12s" % ("throughput (statements/sec)", "sextant", "squawk"))
print("%-34s %12.0f %12s" % ("in-process, warm", float(kv["warm_stmts_per_sec"]), "-"))
print("%-34s %12.0f %12.0f" % ("one process per corpus run", statements / (jvm_ms / 1000), statements / (sq_ms / 1000)))
print("%-34s %12.0f %12.0f" % ("one process, corpus x40", 40 * statements / (int(sx_big) / 1000), 40 * statements / (int(sq_big) / 1000)))
print("(%d statements; squawk best of runs %d ms, sextant fresh JVM best of 5 %d ms)" % (statements, sq_ms, jvm_ms))
print()
print("%-46s %7s %7s  %-28s %s" % ("rule (files reporting it)", "squawk", "sextant", "squawk-only files", "sextant-only files"))
for rule in sorted(set(sq) | set(sx)):
    a, b = sq.get(rule, set()), sx.get(rule, set())
    both = rule in sq and (rule in sx)
    tag = "" if rule in sq and rule in sx else (" (squawk only)" if rule not in sx else " (sextant only)")
    print("%-46s %7d %7d  %-28s %s" % (rule + tag, len(a), len(b), ",".join(sorted(f.split("__")[0] for f in a - b)) or "-",
                                        ",".join(sorted(f.split("__")[0] for f in b - a)) or "-"))
PY
