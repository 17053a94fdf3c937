#!/bin/sh
# Failover benchmark: three vigild processes on 127.0.0.1 (ports 7950-7952, 8050-8052) run a
# group of three ocf:pacemaker:Dummy; kill -9 of the node running it, time until the group's
# last member started elsewhere (median of N rounds), without and then with fencing.
# Needs pacemaker-resource-agents (ocf:pacemaker:Dummy).
# Usage: bench/failover-bench.sh [rounds (10)]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mvn -B -q -o -pl controller -am package -DskipTests
mvn -B -q -o -pl controller -am test-compile
exec java -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "controller/target/classes:controller/target/test-classes:controller/target/lib/*" \
  org.vigil.controller.FailoverBench "$@"
