#!/bin/sh
# vigild benchmark: three vigild processes on 127.0.0.1 (ports 7870-7872 and 7970-7972, or the next free block):
# committed CIB updates per second through the DC, then detection of a SIGKILLed node (median of N).
# Usage: bench/vigild-bench.sh [kill-rounds (10)] [clients (32)] [seconds (10)]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# package gives controller/target/lib (every runtime jar, ours included) without touching ~/.m2
mvn -B -q -o -pl controller -am package -DskipTests
mvn -B -q -o -pl controller -am test-compile
exec java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "controller/target/classes:controller/target/test-classes:controller/target/lib/*" \
  org.vigil.controller.VigildBench "$@"
