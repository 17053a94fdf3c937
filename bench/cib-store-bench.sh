#!/bin/sh
# Durable CIB saves one after another (CibStore, as vigild's store thread makes them): saves/s and
# the time of one save. Usage: bench/cib-store-bench.sh [saves (300)] [dir (/tmp)]
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
mvn -B -q -o -pl cib test-compile 2>/dev/null || mvn -B -q -pl cib test-compile
exec java -cp "cib/target/classes:cib/target/test-classes" org.vigil.cib.bench.CibStoreBench "$@"
