#!/usr/bin/env bash
# Fuzzes the GraphQL parser with libFuzzer: compiles the GraphQL module's sources with the harness
# beside this script under -sanitize=fuzzer,address, seeds the corpus with the kitchen sinks, and
# runs for SECONDS (default 60). Exits non-zero on a crash, leak, timeout or out-of-memory.
#   usage: fuzz-parser.sh [SECONDS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
seconds="${1:-60}"
work="$root/.build-fuzz"
mkdir -p "$work/corpus"
cp "$root"/Tests/GraphQLTests/Language/Fixtures/*.graphql "$work/corpus/"
mapfile -t sources < <(find "$root/Sources/GraphQL" -name '*.swift' | sort)
swiftc -O -parse-as-library -sanitize=fuzzer,address -module-name GraphQL \
    "${sources[@]}" "$here/ParserFuzzer.swift" -o "$work/fuzz-parser" 2> >(grep -v "Cannot export local symbol" >&2)
"$work/fuzz-parser" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len=4096 "$work/corpus"
