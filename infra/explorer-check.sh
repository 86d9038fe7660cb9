#!/usr/bin/env bash
# Loads the explorer page in headless Chromium, runs a query through it, checks the result is
# shown, and saves a screenshot.
#
# Usage: infra/explorer-check.sh [screenshot.png]   (default: .sluice/explorer.png)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shot="${1:-$root/.sluice/explorer.png}"
port="${SLUICE_EXPLORER_PORT:-18090}"
scratch="${SLUICE_SCRATCH:-$root/.build}"
mkdir -p "$(dirname "$shot")"

if ! command -v chromium >/dev/null; then
    apt-get install -y --no-install-recommends chromium fonts-dejavu-core >&2
fi
swift build --package-path "$root" --scratch-path "$scratch" --product sluice >&2
"$scratch/debug/sluice" serve --port "$port" --schema "$root/Schema" --introspection --explorer \
    --root-value "$root/Benchmarks/load/root-value.json" --log-format text 2>/dev/null &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done

query='{ customer(id: 1) { name email orders(first: 2) { id status } } }'
fragment="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$query")"
url="http://127.0.0.1:$port/graphql#run=$fragment"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=5000 --window-size=1280,960)
chromium "${flags[@]}" --screenshot="$shot" "$url" >/dev/null 2>&1
dom="$(chromium "${flags[@]}" --dump-dom "$url" 2>/dev/null)"
grep -q '"name": "Ada Lovelace"' <<<"$dom" || { echo "explorer: the result did not appear" >&2; exit 1; }
grep -q 'CardPayment' <<<"$dom" || { echo "explorer: the schema browser is empty" >&2; exit 1; }
echo "explorer: query ran and the result is shown; screenshot at $shot"
