#!/usr/bin/env bash
# Installs Debian's chromium for the headless report test (tests/browser), unless present.
# Playwright's own browser download is not used: only the npm registry and Debian's apt are reachable.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else echo "install-chromium: run as root or install sudo (needs: apt-get install chromium)" >&2; exit 1; fi; }
export DEBIAN_FRONTEND=noninteractive
as_root apt-get install -y chromium || { as_root apt-get update && as_root apt-get install -y chromium; }
/usr/bin/chromium --version
