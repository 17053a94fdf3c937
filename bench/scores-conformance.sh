#!/bin/sh
# How close Vigil's `crm simulate -sSQ` scores are to Pacemaker's for every conformance case:
# cases identical (sorted lines, whitespace and blank lines ignored) and the share of score
# lines matched, per function. Usage: bench/scores-conformance.sh [CORPUS_DIR] [--show N] [--out DIR]
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
mvn -B -q -o test-compile -pl policy-engine -am >/dev/null
exec java -XX:+UseSerialGC -cp "policy-engine/target/classes:policy-engine/target/test-classes:cib/target/classes:crmsh/target/lib/*" \
  org.vigil.pe.ScoresConformance "$@"
