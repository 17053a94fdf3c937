#!/usr/bin/env bash
# Differential test of the scheduler's clone handling against Pacemaker's crm_simulate.
#
#   bench/differential-clones.sh [--count N] [--dir DIR] [--min-pass P%] [--crm PATH] [--show-failures N]
#
# Generates N random CIBs (default 500) with ../shared/conformance/random-cib where most
# resources are clones or promotable clones, with constraints on roles (Promoted colocations,
# promote-then-start orders), failures, promotion scores, standby/offline and crashed nodes
# varying with the seed. crm_simulate -S's output for each is cached in DIR (default
# /tmp/clones/differential; delete it to regenerate), then `bin/crm simulate` is scored on
# them with the conformance harness: (a) is agreement on the Transition Summary.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=$ROOT/../shared/conformance
COUNT=500 DIR=/tmp/clones/differential MINPASS="" CRM="$ROOT/bin/crm" SHOW=3
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT=$2; shift 2 ;;
    --dir) DIR=$2; shift 2 ;;
    --min-pass) MINPASS=$2; shift 2 ;;
    --crm) CRM=$2; shift 2 ;;
    --show-failures) SHOW=$2; shift 2 ;;
    *) echo "differential-clones: unknown option $1" >&2; exit 2 ;;
  esac
done
command -v crm_simulate >/dev/null || { echo "differential-clones: crm_simulate not installed (bin/install-deps)" >&2; exit 2; }
mkdir -p "$DIR/xml" "$DIR/summary"
for s in $(seq 1 "$COUNT"); do
  nodes=$((2 + s % 5)); rsc=$((4 + s % 21))
  knobs="--clones 0.5 --promotable 0.3 --groups 0.2 --colocation 0.5 --order 0.5 --location 0.4"
  case $((s % 6)) in
    0) knobs="$knobs --fresh" ;;
    1) knobs="$knobs --failures 0.3" ;;
    2) knobs="$knobs --standby 0.2 --offline 0.2" ;;
    3) knobs="$knobs --fencing --unclean 0.2" ;;
    4) knobs="$knobs --failures 0.2 --migration-threshold 2 --stickiness 100" ;;
    5) knobs="$knobs --running 0.5 --rules 0.5" ;;
  esac
  f=$DIR/xml/c$s.xml
  [ -f "$f" ] || "$SHARED/random-cib" --nodes $nodes --resources $rsc --seed $s $knobs -o "$f"
  [ -f "$DIR/summary/c$s.summary" ] || crm_simulate -x "$f" -S > "$DIR/summary/c$s.summary" 2>&1 || true
done
args=(--cases "$DIR" --cmd "$CRM simulate --xml-dir {xml_dir} --summary-dir {out_dir}" --show-failures "$SHOW"
  --json "$DIR/result.json")
[ -n "$MINPASS" ] && args+=(--min-pass "$MINPASS")
echo "== $COUNT random clone CIBs in $DIR: bin/crm simulate vs crm_simulate 2.1.5 =="
exec "$SHARED/run-scheduler-conformance" "${args[@]}"
