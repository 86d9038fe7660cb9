#!/usr/bin/env bash
# The main job: installs what is missing, builds Sluice in release mode, starts the private MariaDB
# (loading the demo shop the first time), and serves the repository's own project with the explorer
# on http://127.0.0.1:${SLUICE_PORT:-8080}/graphql. Ctrl-C or SIGTERM stops the gateway, then the database.
# A second run reuses the data directory (.sluice/mariadb) and starts in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${SLUICE_PORT:-8080}"

infra/install.sh
swift build -c release --product sluice
SLUICE="$(swift build -c release --show-bin-path)/sluice"

DB_URL="$(infra/mariadb.sh start)"
export DB_URL
trap 'infra/mariadb.sh stop' EXIT
infra/demo/load.sh

# The demo's API key signs requests in as customer 1, so the mutations can be tried.
export SLUICE_DEMO_API_KEYS="${SLUICE_DEMO_API_KEYS:-demo-key:1}"
cat >&2 <<MSG

Sluice serves the demo shop at http://127.0.0.1:$PORT/graphql (open it in a browser for the explorer).
Try:
  curl -s -H 'content-type: application/json' \\
    -d '{"query":"{ customer(id: 1) { name orders(first: 2) { id total } } }"}' \\
    http://127.0.0.1:$PORT/graphql

MSG
# Not exec: the trap above stops the database once the gateway has drained and exited.
"$SLUICE" serve --project . --host 127.0.0.1 --port "$PORT" --explorer --introspection \
    --api-keys-env SLUICE_DEMO_API_KEYS --allow-anonymous --log-format text &
SERVER=$!
trap 'kill -TERM "$SERVER" 2>/dev/null || true' INT TERM
wait "$SERVER" || true
wait "$SERVER" 2>/dev/null || true
