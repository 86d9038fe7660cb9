#!/usr/bin/env bash
# Runs a private MariaDB server for development and tests: its own data directory, a free loopback
# port and a unix socket, no system configuration files. It never touches the system service.
#
# usage: infra/mariadb.sh start|stop|status|url
#   start   initialise the data directory if needed, start the server, create the user and the
#           database `sluice`, print the URL (idempotent: a running server just prints its URL)
#   stop    shut the server down and wait until it has exited
#   status  say whether it runs (exit 0) or not (exit 3)
#   url     print mysql://sluice:PASSWORD@127.0.0.1:PORT/sluice
#
# environment:
#   SLUICE_MARIADB_DIR   scratch directory (default: .sluice/mariadb in the repository)
#   SLUICE_MARIADB_PORT  port to listen on (default: a free one, remembered across restarts)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/infra/lib/ports.sh"
DIR="${SLUICE_MARIADB_DIR:-$ROOT/.sluice/mariadb}"
DATADIR="$DIR/data"
SOCKET="$DIR/mysqld.sock"
# A unix socket path must fit in 108 bytes; a deep checkout gets one under /tmp instead.
if [[ ${#SOCKET} -gt 100 ]]; then
    SOCKET="${TMPDIR:-/tmp}/sluice-mariadb-$(printf '%s' "$DIR" | cksum | cut -d' ' -f1).sock"
fi
PIDFILE="$DIR/mysqld.pid"
PORTFILE="$DIR/port"
PASSFILE="$DIR/password"
LOGFILE="$DIR/mysqld.log"
DB_USER=sluice
DB_NAME=sluice

say() { echo "mariadb.sh: $*" >&2; }

server_pid() {
    [[ -f "$PIDFILE" ]] || return 1
    local pid
    pid="$(cat "$PIDFILE")"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# Root connects over the private socket only; the data directory was created without a root
# password, so this works for whichever OS user owns it.
admin_sql() {
    mariadb --no-defaults --protocol=socket --socket="$SOCKET" -uroot --batch --skip-column-names -e "$1"
}

choose_port() {
    pick_port "${SLUICE_MARIADB_PORT:-}" "$PORTFILE" || { say "no free port found"; exit 1; }
}

url() {
    [[ -f "$PORTFILE" && -f "$PASSFILE" ]] || { say "not initialised; run: infra/mariadb.sh start"; exit 1; }
    echo "mysql://$DB_USER:$(cat "$PASSFILE")@127.0.0.1:$(cat "$PORTFILE")/$DB_NAME"
}

initialise() {
    [[ -d "$DATADIR/mysql" ]] && return
    say "initialising $DATADIR"
    mkdir -p "$DATADIR"
    local user_flag=()
    [[ "$(id -u)" -eq 0 ]] && user_flag=(--user=root)
    mariadb-install-db --no-defaults --datadir="$DATADIR" "${user_flag[@]}" \
        --auth-root-authentication-method=normal --skip-test-db >"$DIR/install.log" 2>&1 \
        || { cat "$DIR/install.log" >&2; exit 1; }
}

provision() {
    if [[ ! -f "$PASSFILE" ]]; then
        (umask 077; head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24 >"$PASSFILE")
    fi
    local password
    password="$(cat "$PASSFILE")"
    local host
    local sql="CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
    for host in 127.0.0.1 localhost; do
        sql+="CREATE USER IF NOT EXISTS '$DB_USER'@'$host' IDENTIFIED BY '$password';"
        sql+="ALTER USER '$DB_USER'@'$host' IDENTIFIED BY '$password';"
        sql+="GRANT ALL PRIVILEGES ON \`$DB_NAME\`.* TO '$DB_USER'@'$host';"
        sql+="GRANT ALL PRIVILEGES ON \`${DB_NAME}\\_%\`.* TO '$DB_USER'@'$host';"
    done
    admin_sql "$sql"
}

start() {
    mkdir -p "$DIR"
    if server_pid >/dev/null; then
        url
        return
    fi
    initialise
    local port
    port="$(choose_port)"
    echo "$port" >"$PORTFILE"
    local user_flag=()
    [[ "$(id -u)" -eq 0 ]] && user_flag=(--user=root)
    say "starting on 127.0.0.1:$port (socket $SOCKET)"
    # 64M packets leave room for the 16 MiB BLOB round trip; the small buffer pool and relaxed log
    # flushing suit a throwaway development server.
    nohup mariadbd --no-defaults --datadir="$DATADIR" --socket="$SOCKET" --pid-file="$PIDFILE" \
        --port="$port" --bind-address=127.0.0.1 --skip-name-resolve "${user_flag[@]}" \
        --log-error="$LOGFILE" --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
        --max-allowed-packet=64M --max-connections=500 --innodb-buffer-pool-size=128M \
        --innodb-flush-log-at-trx-commit=2 --skip-log-bin >/dev/null 2>&1 </dev/null &
    local launcher=$!
    for _ in $(seq 1 300); do
        if mariadb-admin --no-defaults --protocol=socket --socket="$SOCKET" -uroot ping >/dev/null 2>&1; then
            provision
            url
            return
        fi
        if ! kill -0 "$launcher" 2>/dev/null; then
            say "mariadbd exited during start-up; its log follows"
            tail -n 30 "$LOGFILE" >&2 || true
            exit 1
        fi
        sleep 0.1
    done
    say "mariadbd did not answer within 30 s; its log follows"
    tail -n 30 "$LOGFILE" >&2 || true
    exit 1
}

stop() {
    local pid
    if ! pid="$(server_pid)"; then
        say "not running"
        return
    fi
    kill -TERM "$pid"
    for _ in $(seq 1 300); do
        kill -0 "$pid" 2>/dev/null || { say "stopped"; return; }
        sleep 0.1
    done
    say "mariadbd (pid $pid) did not stop within 30 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
}

status() {
    if pid="$(server_pid)"; then
        echo "running (pid $pid) on 127.0.0.1:$(cat "$PORTFILE"), socket $SOCKET"
    else
        echo "stopped"
        exit 3
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    url) url ;;
    *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
