#!/usr/bin/env bash
# Installs Debian's PostgreSQL server for the SQL tests (tests/sql), unless present. The tests
# start their own throw-away cluster (tests/sql/postgres.setup.ts): nothing is configured here.
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then exit 0; fi
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else echo "install-postgres: run as root or install sudo (needs: apt-get install postgresql)" >&2; exit 1; fi; }
export DEBIAN_FRONTEND=noninteractive
as_root apt-get install -y --no-install-recommends postgresql || { as_root apt-get update && as_root apt-get install -y --no-install-recommends postgresql; }
ls /usr/lib/postgresql/*/bin/initdb
