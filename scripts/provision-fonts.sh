#!/usr/bin/env bash
# The CJK font the review record PDF embeds (and Chromium renders Chinese with): Debian's
# fonts-noto-cjk. Skips when CJK_FONT_PATH or the Debian file is present.
set -euo pipefail
log() { printf '[provision-fonts] %s\n' "$*"; }
font="${CJK_FONT_PATH:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}"
if [ -f "$font" ]; then log "present ($font)"; exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  log "installing Debian's fonts-noto-cjk"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null
  log "installed"
else
  log "Noto Sans CJK not found: install Debian's fonts-noto-cjk or set CJK_FONT_PATH"
  exit 1
fi
