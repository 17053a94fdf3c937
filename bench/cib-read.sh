#!/bin/sh
# Reads CIB files into the model (CibXml.read), each in a fresh JVM with the flags bin/crm uses,
# and prints wall and CPU time, allocation and MB/s per round: round 0 is what one crm command
# pays. Usage: bench/cib-read.sh [-r ROUNDS] FILE...  (default: the /tmp/vb 32-node CIBs, made
# by the conformance tools' random-cib if missing).
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
ROUNDS=5
if [ "$1" = "-r" ]; then ROUNDS=$2; shift 2; fi
if [ $# -eq 0 ]; then
  S="$ROOT/../shared/conformance"
  mkdir -p /tmp/vb
  for size in 1000 5000; do
    [ -f /tmp/vb/steady-32x$size.xml ] || "$S/random-cib" --nodes 32 --resources $size --seed 1 > /tmp/vb/steady-32x$size.xml
    [ -f /tmp/vb/fresh-32x$size.xml ] || "$S/random-cib" --nodes 32 --resources $size --seed 1 --fresh > /tmp/vb/fresh-32x$size.xml
  done
  set -- /tmp/vb/steady-32x1000.xml /tmp/vb/steady-32x5000.xml /tmp/vb/fresh-32x1000.xml /tmp/vb/fresh-32x5000.xml
fi
mvn -B -q -o -pl cib test-compile 2>/dev/null || mvn -B -q -pl cib test-compile
for f in "$@"; do
  java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:InitialRAMPercentage=4 \
    -cp "cib/target/classes:cib/target/test-classes" org.vigil.cib.bench.CibReadBench "$f" "$ROUNDS"
done
