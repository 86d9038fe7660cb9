#!/usr/bin/env bash
# Queries a running demo gateway (infra/run.sh, i.e. `sluice dev`) and checks it answers with demo
# data: customer 1 and the first page of products. Exits 0 when it does, 1 (saying what came back)
# when it does not. usage: infra/demo/smoke.sh [PORT]   (default: SLUICE_PORT or 8080)
set -euo pipefail
URL="http://127.0.0.1:${1:-${SLUICE_PORT:-8080}}/graphql"

expect() {
    local query="$1" expected="$2" actual
    actual="$(curl -s --max-time 10 -H 'content-type: application/json' -d "{\"query\":\"$query\"}" "$URL" || true)"
    if [[ "$actual" != "$expected" ]]; then
        echo "smoke.sh: $URL answered $query with ${actual:-nothing}; expected $expected" >&2
        exit 1
    fi
}

expect '{ customer(id: 1) { name email } }' \
    '{"data":{"customer":{"name":"Grace Lovelace","email":"customer1@example.com"}}}'
expect '{ products(first: 1) { edges { node { sku name } } pageInfo { endCursor } } }' \
    '{"data":{"products":{"edges":[{"node":{"sku":"SKU-00001","name":"Copper Kettle"}}],"pageInfo":{"endCursor":"cHJvZHVjdDox"}}}}'
echo "smoke.sh: $URL serves the demo shop" >&2
