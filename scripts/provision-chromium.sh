#!/usr/bin/env bash
# Makes a Chromium available for the UI tests (playwright-core drives Debian's `chromium`).
# Skips when CHROMIUM_PATH points at a browser or /usr/bin/chromium exists.
set -euo pipefail
log() { printf '[provision-chromium] %s\n' "$*"; }
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then log "present ($browser)"; exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  log "installing Debian's chromium (a few minutes the first time)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  log "installed"
else
  log "Chromium not found: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH"
  exit 1
fi
