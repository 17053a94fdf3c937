#!/usr/bin/env bash
# Whole-process time and peak memory of `bin/crm simulate -x F -S` against Pacemaker's
# `crm_simulate -x F -S` on the same generated CIBs, printed as a table with the ratio.
#
#   bench/simulate-bench.sh [--sizes "3x100 16x1000 32x1000 32x5000"] [--cap SECONDS] [--crm PATH] [--flag -S|-R]
#
# For each NODESxRESOURCES: a "fresh" CIB (no history: everything probed and started), a
# "steady" one (random-cib's default: 70% running, some failures) and a "node loss" one (the
# steady CIB with node1 crashed, fencing off). crm_simulate runs are cut at --cap seconds
# (default 120) and shown as ">CAP". One run each; the machine is shared, so read the
# figures as orders of magnitude.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=$ROOT/../shared/conformance
SIZES="3x100 16x1000 32x1000 32x5000" CAP=120 CRM="$ROOT/bin/crm" FLAG=-S
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES=$2; shift 2 ;;
    --cap) CAP=$2; shift 2 ;;
    --crm) CRM=$2; shift 2 ;;
    --flag) FLAG=$2; shift 2 ;;
    *) echo "simulate-bench: unknown option $1" >&2; exit 2 ;;
  esac
done
DIR=${BENCH_DIR:-/tmp/vigil-bench}
mkdir -p "$DIR"

# measure CMD...: prints "SECONDS PEAK_MB" or ">CAP -" when cut
measure() {
  local t
  t=$(mktemp)
  if timeout "$CAP" /usr/bin/time -f "%e %M" -o "$t" "$@" >/dev/null 2>&1 || [ -s "$t" ] && ! grep -q "Command terminated by signal" "$t"; then
    awk 'END {printf "%.2f %d", $1, $2/1024}' "$t"
  else
    echo ">$CAP -"
  fi
  rm -f "$t"
}

printf "%-9s %-10s %8s | %12s %8s | %12s %8s | %8s\n" size cib "cib KB" "crm_simulate" "MB" "vigil" "MB" ratio
for size in $SIZES; do
  n=${size%x*}; m=${size#*x}
  steady=$DIR/steady-$size.xml fresh=$DIR/fresh-$size.xml loss=$DIR/loss-$size.xml
  [ -f "$steady" ] || "$SHARED/random-cib" --nodes "$n" --resources "$m" --seed 1 -o "$steady"
  [ -f "$fresh" ] || "$SHARED/random-cib" --nodes "$n" --resources "$m" --seed 1 --fresh -o "$fresh"
  if [ ! -f "$loss" ]; then
    # node1 crashed: out of the membership but expected as a member (no fencing configured)
    sed -E '0,/<node_state id="1"[^>]*>/s//<node_state id="1" uname="node1" in_ccm="false" crmd="offline" join="down" expected="member">/' "$steady" > "$loss"
  fi
  for kind in fresh steady loss; do
    f=$DIR/$kind-$size.xml
    kb=$(( $(stat -c %s "$f") / 1024 ))
    read -r pt pm <<<"$(measure crm_simulate -x "$f" "$FLAG")"
    read -r vt vm <<<"$(measure "$CRM" simulate -x "$f" "$FLAG")"
    ratio=$(awk -v p="$pt" -v v="$vt" 'BEGIN { if (p ~ /^>/ || v ~ /^>/ || v == 0) print "-"; else printf "%.1fx", p / v }')
    printf "%-9s %-10s %8d | %10ss %8s | %10ss %8s | %8s\n" "$size" "$kind" "$kb" "$pt" "$pm" "$vt" "$vm" "$ratio"
  done
done
