#!/bin/sh
# Differential check (prints figures, not a test): `bin/crm ra info` against crmsh's own
# `crm ra info` for every installed OCF agent; prints the agents that differ and a count.
# Needs crmsh and the agents (bin/install-deps) and a built tree (mvn -B package -DskipTests).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
command -v crm >/dev/null || { echo "crmsh is not installed" >&2; exit 2; }
tmp=/tmp/lrm/ra-info-diff; mkdir -p "$tmp"
same=0; differ=0
for dir in /usr/lib/ocf/resource.d/*/; do
  provider=$(basename "$dir")
  for agent in $(ls "$dir"); do
    spec="ocf:$provider:$agent"
    timeout 60 crm ra info "$spec" > "$tmp/crmsh.txt" 2>&1 || true
    "$root/bin/crm" ra info "$spec" > "$tmp/vigil.txt" 2>&1 || true
    if cmp -s "$tmp/crmsh.txt" "$tmp/vigil.txt"; then
      same=$((same + 1))
    else
      differ=$((differ + 1)); echo "== $spec"; diff "$tmp/crmsh.txt" "$tmp/vigil.txt" | head -6 || true
    fi
  done
done
echo "crm ra info: $same agents the same as crmsh, $differ different"
