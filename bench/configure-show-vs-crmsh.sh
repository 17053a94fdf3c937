#!/bin/sh
# Differential of `crm configure show` (crmsh syntax) against crmsh 4.4 over the conformance corpus:
# prints how many CIBs Vigil shows byte for byte as crmsh does, and how many with the same lines
# in another order. Needs crmsh installed and Vigil built (mvn -B package -DskipTests -pl crmsh -am).
# Usage: bench/configure-show-vs-crmsh.sh [CORPUS_DIR] (takes a few minutes: two processes per CIB).
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CORPUS=${1:-$ROOT/../shared/conformance/pacemaker-2.1.5/xml}
command -v crm >/dev/null || { echo "crmsh (crm) is not installed" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
total=0; shown=0; identical=0; samelines=0
for f in "$CORPUS"/*.xml; do
  total=$((total + 1))
  cp "$f" "$WORK/theirs.xml"; cp "$f" "$WORK/ours.xml"
  CIB_file="$WORK/theirs.xml" crm configure show > "$WORK/theirs.crm" 2>/dev/null
  [ -s "$WORK/theirs.crm" ] || continue
  shown=$((shown + 1))
  CIB_file="$WORK/ours.xml" "$ROOT/bin/crm" configure show > "$WORK/ours.crm" 2>/dev/null
  if cmp -s "$WORK/theirs.crm" "$WORK/ours.crm"; then
    identical=$((identical + 1))
  fi
  if [ "$(sort "$WORK/theirs.crm")" = "$(sort "$WORK/ours.crm")" ]; then
    samelines=$((samelines + 1))
  fi
done
echo "corpus CIBs: $total; crmsh could show: $shown"
echo "identical to crmsh: $identical of $shown; same lines (any order): $samelines of $shown"
