#!/usr/bin/env bash
# Differential test of the scheduler against Pacemaker's crm_simulate on random CIBs.
#
#   bench/differential-random.sh [--count N] [--part 1|2] [--dir DIR] [--min-pass P%] [--crm PATH]
#
# Part 1 (default): primitives, groups and constraints only. Part 2: clones, promotable
# clones, constraints on roles and failures too. Generates N CIBs with
# ../shared/conformance/random-cib (seeds 1..N, sizes varying with the seed), records
# crm_simulate -S's output for each, then scores `bin/crm simulate` on them with the
# conformance harness and prints its table (agreement on the Transition Summary is (a)).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=$ROOT/../shared/conformance
COUNT=200 PART=1 DIR="" MINPASS="" CRM="$ROOT/bin/crm"
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT=$2; shift 2 ;;
    --part) PART=$2; shift 2 ;;
    --dir) DIR=$2; shift 2 ;;
    --min-pass) MINPASS=$2; shift 2 ;;
    --crm) CRM=$2; shift 2 ;;
    *) echo "differential-random: unknown option $1" >&2; exit 2 ;;
  esac
done
command -v crm_simulate >/dev/null || { echo "differential-random: crm_simulate not installed (bin/install-deps)" >&2; exit 2; }
[ -n "$DIR" ] || DIR=$(mktemp -d /tmp/vigil-diff.XXXXXX)
mkdir -p "$DIR/xml" "$DIR/summary"
for s in $(seq 1 "$COUNT"); do
  nodes=$((2 + s % 7)); rsc=$((5 + s % 40))
  if [ "$PART" = 1 ]; then
    knobs="--clones 0 --promotable 0"
    case $((s % 4)) in
      1) knobs="$knobs --failures 0.3 --location 0.6 --colocation 0.5 --order 0.5" ;;
      2) knobs="$knobs --groups 0.5 --standby 0.2 --offline 0.2" ;;
      3) knobs="$knobs --fresh" ;;
    esac
  else
    knobs="--clones 0.3 --promotable 0.2"
    case $((s % 4)) in
      1) knobs="$knobs --failures 0.3 --location 0.6 --colocation 0.6 --order 0.6" ;;
      2) knobs="$knobs --fencing --unclean 0.2 --promotable 0.3" ;;
      3) knobs="$knobs --fresh" ;;
    esac
  fi
  f=$DIR/xml/r$s.xml
  [ -f "$f" ] || "$SHARED/random-cib" --nodes $nodes --resources $rsc --seed $s $knobs -o "$f"
  [ -f "$DIR/summary/r$s.summary" ] || crm_simulate -x "$f" -S > "$DIR/summary/r$s.summary" 2>&1 || true
done
args=(--cases "$DIR" --cmd "$CRM simulate --xml-dir {xml_dir} --summary-dir {out_dir}" --show-failures 3)
[ -n "$MINPASS" ] && args+=(--min-pass "$MINPASS")
echo "== $COUNT random part-$PART CIBs in $DIR: bin/crm simulate vs crm_simulate 2.1.5 =="
exec "$SHARED/run-scheduler-conformance" "${args[@]}"
