#!/usr/bin/env bash
# End-to-end load on the demo shop: builds `sluice` and the direct-SQL baseline in release mode,
# starts a private MariaDB with the demo data (its own scratch directory), serves the project's
# pipelines with `sluice serve`, and drives both servers with wrk, alternating in short rounds, at
# 1 and 16 connections, with the same request bodies (queries/*.json):
#   sluice serve      POST /graphql: HTTP, GraphQL parse (cached) and validation, pipelines, SQL, JSON
#   DirectSQLBaseline POST /NAME: HTTP, the very statements sluice sent for that body, rows as JSON
# The ratios against the baseline are the gateway's own cost; the targets are checked at the end.
#
# Usage: Benchmarks/load/run.sh [seconds per server and cell, default 40]
#        (SLUICE_LOAD_ROUNDS, default 10: the rounds those seconds are split into)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-40}"
gateway_port="${SLUICE_LOAD_PORT:-18080}"
direct_port="$((gateway_port + 1))"
scratch="${SLUICE_SCRATCH:-$root/.build-load}"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
swift build -c release --package-path "$root" --scratch-path "$scratch" --product sluice >&2
swift build -c release --package-path "$root/Benchmarks" --scratch-path "$scratch-bench" \
    --product DirectSQLBaseline >&2

export SLUICE_MARIADB_DIR="$root/.sluice/mariadb-load"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    "$root/infra/mariadb.sh" stop >&2 || true
}
trap cleanup EXIT
DB_URL="$("$root/infra/mariadb.sh" start)"
export DB_URL SLUICE_MODE=production
"$root/infra/demo/load.sh"

"$scratch/release/sluice" serve --project "$root" --host 127.0.0.1 --port "$gateway_port" \
    --log-format text >/dev/null 2>&1 &
pids+=($!)
"$scratch-bench/release/DirectSQLBaseline" "$root" "$here/queries" "$direct_port" >&2 &
pids+=($!)
for port in "$gateway_port" "$direct_port"; do
    for _ in $(seq 1 200); do
        curl -s -o /dev/null "http://127.0.0.1:$port/" && break
        sleep 0.1
    done
done

# Both servers must answer every body with data before anything is measured.
for body in "$here"/queries/*.json; do
    name="$(basename "$body" .json)"
    answer="$(curl -fsS -H 'Content-Type: application/json' --data-binary "@$body" \
        "http://127.0.0.1:$gateway_port/graphql")"
    [[ "$answer" == '{"data":{"customer":{'* ]] || { echo "sluice answered $name with: $answer" >&2; exit 1; }
    curl -fsS -o /dev/null -H 'Content-Type: application/json' --data-binary "@$body" \
        "http://127.0.0.1:$direct_port/$name"
done

export SLUICE_LOAD_DIR="$here"
# Each cell alternates the two servers in short rounds, so a slow spell of a shared machine lands
# on both sides; the table reports the median of the rounds' p50s and the mean throughput.
rounds="${SLUICE_LOAD_ROUNDS:-10}"
slice="$(awk -v s="$seconds" -v r="$rounds" 'BEGIN { t = s / r; print (t < 1 ? 1 : int(t + 0.5)) }')"
run() { # label script connections url
    wrk -t1 -c"$3" -d"${slice}s" -s "$here/$2.lua" "$4" | grep '^RESULT' | sed "s/^RESULT/$1 $2 c=$3/"
}
results="$(
    for connections in 1 16; do
        for script in point-lookup nested; do
            for _ in $(seq 1 "$rounds"); do
                run gateway "$script" "$connections" "http://127.0.0.1:$gateway_port/graphql"
                run direct "$script" "$connections" "http://127.0.0.1:$direct_port/$script"
            done
        done
        run gateway healthz "$connections" "http://127.0.0.1:$gateway_port/healthz"
    done
)"
echo "$results"
echo
echo "median p50 and mean req/s over $rounds alternating rounds of ${slice}s per server:"
echo
echo "| query | connections | sluice p50 µs | direct SQL p50 µs | p50 ratio | sluice req/s | direct req/s | throughput kept |"
echo "|---|---|---|---|---|---|---|---|"
echo "$results" | awk '
    function field(name) { return v[name] }
    { side = $1; name = $2; c = substr($3, 3)
      delete v; for (i = 4; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      key = name " " c; m = ++samples[side, key]; p50s[side, key, m] = v["p50_us"]; rpss[side, key] += v["rps"]
      if (!(key in seen) && name != "healthz") { seen[key] = 1; order[++n] = key }
      if (v["non2xx"] + v["errors"] > 0) { bad = 1 } }
    END {
      for (sk in samples) {
        split(sk, part, SUBSEP); count = samples[sk]
        for (j = 1; j <= count; j++) { sorted[j] = p50s[part[1], part[2], j] + 0 }
        for (j = 2; j <= count; j++) {
          x = sorted[j]
          for (q = j - 1; q >= 1 && sorted[q] > x; q--) sorted[q + 1] = sorted[q]
          sorted[q + 1] = x
        }
        p50[sk] = count % 2 ? sorted[(count + 1) / 2] : (sorted[count / 2] + sorted[count / 2 + 1]) / 2
        rps[sk] = rpss[sk] / count
      }
      for (i = 1; i <= n; i++) {
        key = order[i]; split(key, k, " ")
        printf "| %s | %s | %d | %d | %.2f× | %.0f | %.0f | %.0f%% |\n", k[1], k[2], p50["gateway", key],
            p50["direct", key], p50["gateway", key] / p50["direct", key], rps["gateway", key], rps["direct", key],
            100 * rps["gateway", key] / rps["direct", key]
      }
      printf "\nHTTP floor (sluice /healthz): p50 %d µs at 1 connection, %.0f req/s at 16\n",
          p50["gateway", "healthz 1"], rps["gateway", "healthz 16"]
      printf "\ntargets:\n"
      check("point lookup, 1 connection: p50 <= 2x direct", p50["gateway", "point-lookup 1"] <= 2 * p50["direct", "point-lookup 1"])
      check("nested, 1 connection: p50 <= 1.2x direct", p50["gateway", "nested 1"] <= 1.2 * p50["direct", "nested 1"])
      check("point lookup, 16 connections: >= 40% of direct req/s", rps["gateway", "point-lookup 16"] >= 0.4 * rps["direct", "point-lookup 16"])
      if (bad) { print "some requests failed" > "/dev/stderr"; exit 1 } }
    function check(label, ok) { printf "  %s %s\n", ok ? "met    " : "NOT met", label }'
