#!/usr/bin/env bash
# A private redis-server on loopback, without persistence, for the queue monitor's tests.
#   infra/redis.sh start   start it on a free port (or SLUICE_REDIS_PORT) (Debian's redis-server must be installed) and wait until it answers
#   infra/redis.sh stop    stop the server started by `start`
#   infra/redis.sh url     print its URL (export it as SLUICE_TEST_REDIS_URL)
set -euo pipefail
cd "$(dirname "$0")/.."
source infra/lib/ports.sh
state=".sluice/redis"

url() { echo "redis://127.0.0.1:$(cat "$state/port")"; }

running() { [ -f "$state/redis.pid" ] && kill -0 "$(cat "$state/redis.pid")" 2>/dev/null; }

start() {
    mkdir -p "$state"
    if running; then url; return; fi
    local port
    port="$(pick_port "${SLUICE_REDIS_PORT:-}" "$state/port")"
    echo "$port" >"$state/port"
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$state" \
        --daemonize yes --pidfile "$PWD/$state/redis.pid" --logfile "$PWD/$state/redis.log"
    for _ in $(seq 1 50); do
        if redis-cli -p "$port" ping >/dev/null 2>&1; then url; return; fi
        sleep 0.1
    done
    echo "redis-server did not start; see $state/redis.log" >&2
    exit 1
}

stop() {
    if [ -f "$state/redis.pid" ]; then
        kill "$(cat "$state/redis.pid")" 2>/dev/null || true
        rm -f "$state/redis.pid"
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    url) url ;;
    *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
