#!/bin/sh
# Loads and writes the largest corpus CIB 1,000 times (or $1 times) and prints per-document times.
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
mvn -B -q -o -pl cib test-compile 2>/dev/null || mvn -B -q -pl cib test-compile
exec java -Dvigil.shared="$ROOT/../shared" -cp "cib/target/classes:cib/target/test-classes" \
  org.vigil.cib.bench.CibIoBenchmark "$@"
