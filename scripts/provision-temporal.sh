#!/usr/bin/env bash
# Provisions the two real Temporal servers the project runs and tests on, from package
# registries only, into a cache folder shared by every clone (idempotent, skips what is present):
#   - the Temporal CLI (dev server): `go install github.com/temporalio/cli/cmd/temporal@v1.5.1`
#     (the newest CLI release whose go.mod has no replace directive, so it can be go-installed);
#   - the time-skipping test server: Maven artifact io.temporal:temporal-test-server with its
#     dependencies, started by `java` through a small launcher script.
# Overrides: TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH (use these binaries, provision nothing),
# TEMPORAL_CACHE_DIR (where to cache). Without Go or Java the SDK's own download is the fallback
# (it needs the internet). Keep versions in sync with scripts/temporal-binaries.ts.
set -euo pipefail

CLI_VERSION=v1.5.1
TEST_SERVER_VERSION=1.38.0
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${TEMPORAL_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/bpmn-temporal}"
mkdir -p "$cache"
log() { printf '[provision-temporal] %s\n' "$*"; }

provision_cli() {
  if [ -n "${TEMPORAL_CLI_PATH:-}" ]; then log "dev server: TEMPORAL_CLI_PATH=$TEMPORAL_CLI_PATH"; return; fi
  local dir="$cache/cli-$CLI_VERSION"
  if [ -x "$dir/temporal" ]; then log "dev server: present ($dir/temporal)"; return; fi
  if ! command -v go >/dev/null 2>&1; then
    log "dev server: Go not found; tests fall back to the SDK's own download (needs the internet)"; return
  fi
  log "dev server: go install github.com/temporalio/cli/cmd/temporal@$CLI_VERSION (a few minutes when cold; uses the Go module and build caches)"
  local start=$SECONDS tmp="$dir.tmp.$$"
  mkdir -p "$tmp"
  GOBIN="$tmp" GOFLAGS=-mod=mod go install "github.com/temporalio/cli/cmd/temporal@$CLI_VERSION"
  mkdir -p "$dir" && mv "$tmp/temporal" "$dir/temporal" && rm -rf "$tmp"
  log "dev server: built in $((SECONDS - start))s -> $dir/temporal"
}

provision_test_server() {
  if [ -n "${TEMPORAL_TEST_SERVER_PATH:-}" ]; then log "test server: TEMPORAL_TEST_SERVER_PATH=$TEMPORAL_TEST_SERVER_PATH"; return; fi
  local dir="$cache/test-server-$TEST_SERVER_VERSION"
  if [ -x "$dir/temporal-test-server" ] && [ -f "$dir/lib/temporal-test-server-$TEST_SERVER_VERSION.jar" ]; then
    log "test server: present ($dir/temporal-test-server)"; return
  fi
  if ! command -v java >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then
    log "test server: Java/Maven not found; tests fall back to the SDK's own download (needs the internet)"; return
  fi
  log "test server: resolving io.temporal:temporal-test-server:$TEST_SERVER_VERSION from Maven Central (uses ~/.m2)"
  local start=$SECONDS tmp="$dir.tmp.$$"
  rm -rf "$tmp" && mkdir -p "$tmp/lib"
  mvn -q -B -f "$here/temporal-test-server/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$tmp/lib" -DincludeScope=runtime
  cat >"$tmp/temporal-test-server" <<'LAUNCHER'
#!/usr/bin/env sh
# Launcher for the Temporal Java time-skipping test server: temporal-test-server <port> [--enable-time-skipping]
DIR="$(cd "$(dirname "$0")" && pwd)"
exec java -Xss1m -cp "$DIR/lib/*" io.temporal.testserver.TestServer "$@"
LAUNCHER
  chmod +x "$tmp/temporal-test-server"
  rm -rf "$dir" && mv "$tmp" "$dir"
  log "test server: ready in $((SECONDS - start))s -> $dir/temporal-test-server"
}

provision_cli
provision_test_server
