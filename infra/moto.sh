#!/usr/bin/env bash
# A private SQS-compatible server (moto) on loopback, for the queue monitor's tests.
#   infra/moto.sh start   install moto into a venv under .sluice/ if needed, start it, wait until it answers
#   infra/moto.sh stop    stop the server started by `start`
#   infra/moto.sh url     print the endpoint URL (export it as SLUICE_TEST_SQS_URL)
set -euo pipefail
cd "$(dirname "$0")/.."
source infra/lib/ports.sh
state=".sluice/moto"
venv="$state/venv"

url() { echo "http://127.0.0.1:$(cat "$state/port")"; }

install() {
    if [ -x "$venv/bin/moto_server" ]; then return; fi
    mkdir -p "$state"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check 'moto[server]==5.*'
}

start() {
    install
    if [ -f "$state/pid" ] && kill -0 "$(cat "$state/pid")" 2>/dev/null; then url; return; fi
    local port
    port="$(pick_port "${SLUICE_MOTO_PORT:-}" "$state/port")"
    echo "$port" >"$state/port"
    "$venv/bin/moto_server" -H 127.0.0.1 -p "$port" >"$state/server.log" 2>&1 &
    echo $! >"$state/pid"
    for _ in $(seq 1 100); do
        if "$venv/bin/python" -c "import sys, urllib.request as u; u.urlopen(u.Request(sys.argv[1], method='POST'), timeout=1)" \
            "$(url)/moto-api/reset" >/dev/null 2>&1; then url; return; fi
        sleep 0.2
    done
    echo "moto did not start; see $state/server.log" >&2
    exit 1
}

stop() {
    if [ -f "$state/pid" ]; then
        kill "$(cat "$state/pid")" 2>/dev/null || true
        rm -f "$state/pid"
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    url) url ;;
    *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
