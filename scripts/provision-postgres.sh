#!/usr/bin/env bash
# Makes PostgreSQL server binaries available for the database tests (Debian's `postgresql`).
# Skips when TEST_DATABASE_URL points at a server already, or when the binaries are present.
set -euo pipefail
log() { printf '[provision-postgres] %s\n' "$*"; }
if [ -n "${TEST_DATABASE_URL:-}" ]; then log "using TEST_DATABASE_URL"; exit 0; fi
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then log "present ($(ls -d /usr/lib/postgresql/*/bin | tail -n 1))"; exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  log "installing Debian's postgresql"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  log "installed"
else
  log "PostgreSQL server binaries not found: install Debian's postgresql or set TEST_DATABASE_URL"
  exit 1
fi
