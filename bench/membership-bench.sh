#!/bin/sh
# Membership benchmark: failure detection of a SIGKILLed / SIGSTOPped node (median of N rounds)
# and messages per second from one node to two others, all on 127.0.0.1 with real TCP.
# Usage: bench/membership-bench.sh [kill-rounds (10)] [stop-rounds (5)] [messages (100000)] [stability-seconds (0)]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mvn -B -q -o -pl membership -am test-compile
cp_file="$root/membership/target/bench.classpath"
mvn -B -q -o -pl membership dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
exec java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "membership/target/classes:membership/target/test-classes:$(cat "$cp_file")" \
  org.vigil.membership.internal.MembershipBench "$@"
