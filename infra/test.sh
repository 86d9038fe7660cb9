#!/usr/bin/env bash
# Installs what is missing, starts the private servers the tests need, runs the whole test suite
# against them, and stops them again, also when the tests fail or the run is interrupted.
# Arguments are passed to `swift test` (e.g. --filter MariaDBTests).
set -euo pipefail
cd "$(dirname "$0")/.."

# Servers started by this run, stopped in reverse order on exit.
STARTED=()

stop_servers() {
    local index
    for ((index = ${#STARTED[@]} - 1; index >= 0; index--)); do
        "stop_${STARTED[index]}" || true
    done
}
trap stop_servers EXIT
trap 'exit 130' INT TERM

# MariaDB, in a data directory of its own so a development server in .sluice/mariadb is untouched.
export SLUICE_MARIADB_DIR="${SLUICE_MARIADB_DIR:-$PWD/.sluice/mariadb-test}"
start_mariadb() {
    STARTED+=(mariadb)
    SLUICE_TEST_DB_URL="$(infra/mariadb.sh start)"
    export SLUICE_TEST_DB_URL
}
stop_mariadb() { infra/mariadb.sh stop; }

# Redis, for the queue monitor's stream rules.
start_redis() {
    STARTED+=(redis)
    SLUICE_TEST_REDIS_URL="$(infra/redis.sh start)"
    export SLUICE_TEST_REDIS_URL
}
stop_redis() { infra/redis.sh stop; }

# An SQS-compatible server (moto, from PyPI), for the queue monitor's SQS rules.
start_moto() {
    STARTED+=(moto)
    SLUICE_TEST_SQS_URL="$(infra/moto.sh start)"
    export SLUICE_TEST_SQS_URL
}
stop_moto() { infra/moto.sh stop; }

# Other servers (each a start_NAME / stop_NAME pair like the ones above) are added here.

infra/install.sh
start_mariadb
start_redis
start_moto

swift test "$@"
