# Loopback ports for the private servers (sourced by mariadb.sh, redis.sh, moto.sh): each server
# gets a free port of its own, so two checkouts running their tests at once never share, or stop,
# each other's servers.

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Prints the port to listen on: $1 when set (an explicit choice), else the one remembered in
# file $2 while it is still free, else a random free one.
pick_port() {
    local fixed="$1" remembered="$2" port
    if [[ -n "$fixed" ]]; then
        echo "$fixed"
        return
    fi
    if [[ -f "$remembered" ]] && ! port_in_use "$(cat "$remembered")"; then
        cat "$remembered"
        return
    fi
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 20000))
        port_in_use "$port" || { echo "$port"; return; }
    done
    echo "no free loopback port found" >&2
    return 1
}
