#!/usr/bin/env bash
# Installs the Debian packages Sluice needs to build, run and test, and only those that are missing.
# Safe to run again: when everything is present it changes nothing and needs no network.
set -euo pipefail

# What the MariaDB client layer and its private test server need.
PACKAGES=(
    mariadb-server      # mariadbd and mariadb-install-db for the private server (infra/mariadb.sh)
    mariadb-client      # mariadb and mariadb-admin, used to provision and stop it
    libmariadb-dev      # the C client the CMariaDB target links against
    pkg-config          # how SwiftPM finds libmariadb
)

# Other parts of Sluice add the packages they need below, one per line with a comment saying why.
PACKAGES+=(
    redis-server        # the queue monitor's stream tests run a private redis-server (infra/redis.sh)
    python3-venv        # infra/moto.sh installs the SQS-compatible moto server from PyPI into a venv
)

missing=()
for package in "${PACKAGES[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
    [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi

if [[ "$(id -u)" -ne 0 ]]; then
    if command -v sudo >/dev/null; then
        SUDO=(sudo)
    else
        echo "install.sh: missing packages ${missing[*]}; run this script as root" >&2
        exit 1
    fi
else
    SUDO=()
fi

echo "install.sh: installing ${missing[*]}" >&2

# Keep the packages' post-install scripts from starting the system MariaDB service: Sluice runs
# its own private server and must never depend on, or disturb, the system one.
POLICY=/usr/sbin/policy-rc.d
if [[ ! -e "$POLICY" ]]; then
    printf '#!/bin/sh\nexit 101\n' | "${SUDO[@]}" tee "$POLICY" >/dev/null
    "${SUDO[@]}" chmod +x "$POLICY"
    trap '"${SUDO[@]}" rm -f "$POLICY"' EXIT
fi

export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
