#!/usr/bin/env bash
# The main job: installs what is missing, builds Sluice in release mode, and runs `sluice dev`, which
# starts the private MariaDB in .sluice/mariadb (loading the demo shop the first time) and serves the
# repository's own project with the explorer on http://127.0.0.1:${SLUICE_PORT:-8080}/graphql.
# Ctrl-C or SIGTERM stops the gateway, then the database; a second run reuses the data directory.
# Extra arguments go to `sluice dev` (e.g. --data-dir DIR).
set -euo pipefail
cd "$(dirname "$0")/.."

infra/install.sh
swift build -c release --product sluice
exec "$(swift build -c release --show-bin-path)/sluice" dev --project . --port "${SLUICE_PORT:-8080}" "$@"
