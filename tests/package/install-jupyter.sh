#!/usr/bin/env bash
# Installs Debian's Jupyter (nbconvert and nbclient) for the notebook test (tests/package/notebooks.pkg.test.ts),
# unless present. The kernel is Deno's, from the `deno` dev dependency (`deno jupyter --install`).
set -euo pipefail
if [ -x /usr/bin/jupyter-nbconvert ] && python3 -c 'import nbclient' 2>/dev/null; then exit 0; fi
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else echo "install-jupyter: run as root or install sudo (needs: apt-get install jupyter-nbconvert python3-nbclient)" >&2; exit 1; fi; }
export DEBIAN_FRONTEND=noninteractive
as_root apt-get install -y jupyter-nbconvert python3-nbclient || { as_root apt-get update && as_root apt-get install -y jupyter-nbconvert python3-nbclient; }
jupyter nbconvert --version
