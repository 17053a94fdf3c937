#!/usr/bin/env bash
# Whole-process time and peak memory of `bin/crm simulate -x F -S` against Pacemaker's
# `crm_simulate -x F -S` on the same generated CIBs, printed as a table with the ratio.
#
#   bench/simulate-bench.sh [--sizes "3x100 16x1000 32x1000 32x5000 clones"] [--cap SECONDS]
#                           [--crm PATH] [--flag -S|-R] [--kinds "fresh steady loss"]
#
# For each NODESxRESOURCES: a "fresh" CIB (no history: everything probed and started), a
# "steady" one (random-cib's default mix: 70% running, some failures, 20% in groups, 10%
# clones, 5% promotable) and a "node loss" one (the steady CIB with node1 crashed, fencing
# off). The size "clones" is the clone-heavy CIB of issue 4: 32 nodes, 10 clones and 5
# promotable clones with 32 instances each (random-cib seed 3 with its clone-max limits
# taken out). crm_simulate runs are cut at --cap seconds (default 300) and shown as ">CAP";
# its figures are kept next to the CIBs (BENCH_DIR, default /tmp/vigil-bench) and reused by
# later runs with the same cap, since it needs minutes per large CIB. One run each; the
# machine may be shared, so read the figures as orders of magnitude.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=$ROOT/../shared/conformance
SIZES="3x100 16x1000 32x1000 32x5000 clones" CAP=300 CRM="$ROOT/bin/crm" FLAG=-S KINDS="fresh steady loss"
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES=$2; shift 2 ;;
    --cap) CAP=$2; shift 2 ;;
    --crm) CRM=$2; shift 2 ;;
    --flag) FLAG=$2; shift 2 ;;
    --kinds) KINDS=$2; shift 2 ;;
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
# crm_simulate's figures for FILE, measured once per cap and kept beside it
pacemaker() {
  local f=$1 cached=$1.crm_simulate$FLAG-cap$CAP
  if [ ! -s "$cached" ] || [ "$f" -nt "$cached" ]; then
    measure crm_simulate -x "$f" "$FLAG" > "$cached"
  fi
  cat "$cached"
}

for size in $SIZES; do
  if [ "$size" = clones ]; then
    n=32
    gen=(--nodes 32 --resources 15 --groups 0 --clones 0.67 --promotable 0.33 --seed 3)
  else
    n=${size%x*}; m=${size#*x}
    gen=(--nodes "$n" --resources "$m" --seed 1)
  fi
  steady=$DIR/steady-$size.xml fresh=$DIR/fresh-$size.xml loss=$DIR/loss-$size.xml
  unlimited() { if [ "$size" = clones ]; then sed '/-clone-max"/d'; else cat; fi; }
  [ -f "$steady" ] || "$SHARED/random-cib" "${gen[@]}" | unlimited > "$steady"
  [ -f "$fresh" ] || "$SHARED/random-cib" "${gen[@]}" --fresh | unlimited > "$fresh"
  if [ ! -f "$loss" ]; then
    # node1 crashed: out of the membership but expected as a member (no fencing configured)
    sed -E '0,/<node_state id="1"[^>]*>/s//<node_state id="1" uname="node1" in_ccm="false" crmd="offline" join="down" expected="member">/' "$steady" > "$loss"
  fi
  for kind in $KINDS; do
    f=$DIR/$kind-$size.xml
    kb=$(( $(stat -c %s "$f") / 1024 ))
    read -r pt pm <<<"$(pacemaker "$f")"
    read -r vt vm <<<"$(measure "$CRM" simulate -x "$f" "$FLAG")"
    ratio=$(awk -v p="$pt" -v v="$vt" 'BEGIN { if (v ~ /^>/ || v == 0) print "-"; else if (p ~ /^>/) printf ">%.0fx", substr(p, 2) / v; else printf "%.1fx", p / v }')
    printf "%-9s %-10s %8d | %10ss %8s | %10ss %8s | %8s\n" "$size" "$kind" "$kb" "$pt" "$pm" "$vt" "$vm" "$ratio"
  done
done
