#!/usr/bin/env bash
# End-to-end load: builds `sluice` in release mode, serves the demo schema in mock mode (a JSON
# root value, no database) on loopback, and drives it with wrk at 1 and 16 connections:
#   point lookup, nested query, and /healthz on the same server as the HTTP floor.
# Ratios are against that floor, measured in the same run. The direct-SQL baseline joins once
# the demo pipelines serve the schema from MariaDB.
#
# Usage: Benchmarks/load/run.sh [seconds per run, default 10]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-10}"
port="${SLUICE_LOAD_PORT:-18080}"
scratch="${SLUICE_SCRATCH:-$root/.build-load}"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
swift build -c release --package-path "$root" --scratch-path "$scratch" --product sluice >&2
sluice="$scratch/release/sluice"

"$sluice" serve --host 127.0.0.1 --port "$port" --schema "$root/Schema" \
    --root-value "$here/root-value.json" --log-format text 2>/dev/null &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done

export SLUICE_LOAD_DIR="$here"
run() { # script connections
    wrk -t1 -c"$2" -d"${seconds}s" -s "$here/$1.lua" "http://127.0.0.1:$port/graphql" | grep '^RESULT' \
        | sed "s/^RESULT/$1 c=$2/"
}

results="$(
    for connections in 1 16; do
        for script in healthz point-lookup nested; do run "$script" "$connections"; done
    done
)"
echo "$results"
echo
echo "| query | connections | p50 µs | p99 µs | req/s | p50 vs /healthz | req/s vs /healthz |"
echo "|---|---|---|---|---|---|---|"
echo "$results" | awk '
    { split($0, f, " "); name = f[1]; c = substr(f[2], 3)
      for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      if (name == "healthz") { base50[c] = v["p50_us"]; baserps[c] = v["rps"] }
      printf "| %s | %s | %d | %d | %.0f | %.2f× | %.0f%% |\n", name, c, v["p50_us"], v["p99_us"], v["rps"],
          v["p50_us"] / base50[c], 100 * v["rps"] / baserps[c]
      if (v["non2xx"] + v["errors"] > 0) { bad = 1 } }
    END { if (bad) { print "some requests failed" > "/dev/stderr"; exit 1 } }'
