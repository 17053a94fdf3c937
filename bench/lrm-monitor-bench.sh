#!/bin/sh
# Executor benchmark: N monitor operations of ocf:pacemaker:Dummy with a concurrency limit,
# against bare fork+exec of the same script on as many threads; prints ops/s and overhead.
# Usage: bench/lrm-monitor-bench.sh [operations (1000)] [concurrency (8)] [rounds (5), alternating, medians printed]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mvn -B -q -o -pl lrm -am test-compile
cp_file="$root/lrm/target/bench.classpath"
mvn -B -q -o -pl lrm dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
exec java -Xmx256m -cp "lrm/target/classes:lrm/target/test-classes:$(cat "$cp_file")" \
  org.vigil.lrm.bench.MonitorBench "$@"
