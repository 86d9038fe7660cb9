#!/usr/bin/env bash
# The main job: installs what is missing, builds Sluice in release mode and runs it.
# For now it prints the command-line help; it will serve the demo project once that exists.
set -euo pipefail
cd "$(dirname "$0")/.."

infra/install.sh
swift build -c release --product sluice
"$(swift build -c release --show-bin-path)/sluice" --help
