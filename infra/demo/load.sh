#!/usr/bin/env bash
# Loads the demo shop (tables, the job queue table, deterministic seed data) into the private
# MariaDB's `sluice` database, once: a database that already has the tables is left as it is.
# The server must be running (infra/mariadb.sh start); SLUICE_MARIADB_DIR selects which one.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DIR="${SLUICE_MARIADB_DIR:-$ROOT/.sluice/mariadb}"

sql() { mariadb --no-defaults --protocol=socket --socket="$DIR/mysqld.sock" -uroot --batch sluice "$@"; }

if [[ -n "$(sql --skip-column-names -e "SHOW TABLES LIKE 'customers'")" ]]; then
    echo "load.sh: demo data already loaded" >&2
    exit 0
fi
echo "load.sh: loading the demo shop" >&2
sql <"$ROOT/infra/demo/schema.sql"
sql <"$ROOT/infra/queue-schema.sql"
sql <"$ROOT/infra/demo/seed.sql"
