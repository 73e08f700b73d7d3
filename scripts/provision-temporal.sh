#!/usr/bin/env bash
# Provisions the real Temporal servers the project runs and tests on, from package registries
# only, into a cache folder shared by every clone (idempotent: what is present is reused):
#   cli          the Temporal CLI (dev server, `npm start` and the e2e tests):
#                `go install github.com/temporalio/cli/cmd/temporal@v1.5.1`
#                (the newest CLI release whose go.mod has no replace directive);
#   test-server  the time-skipping test server (workflow tests): Maven artifact
#                io.temporal:temporal-test-server with its dependencies, run by `java`;
#   server       the production Temporal server and its SQL schema tool (the cluster fault test):
#                `go install go.temporal.io/server/cmd/server@v1.29.1 …/cmd/tools/sql@v1.29.1`
#                (the server release the CLI above embeds, so Go's build cache is shared).
# Usage: provision-temporal.sh [cli] [test-server] [server]   (no argument: all three)
# Overrides: TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH / TEMPORAL_SERVER_PATH (use these
# binaries), TEMPORAL_CACHE_DIR (where to cache). Keep versions in sync with scripts/temporal-binaries.ts.
set -euo pipefail

CLI_VERSION=v1.5.1
TEST_SERVER_VERSION=1.38.0
SERVER_VERSION=v1.29.1
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${TEMPORAL_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/bpmn-temporal}"
mkdir -p "$cache"
log() { printf '[provision-temporal] %s\n' "$*"; }

# Runs a long build with a progress line every 30 s (go install is silent while it compiles).
with_progress() {
  local what=$1 start=$SECONDS
  shift
  ( while sleep 30; do log "$what: still building ($((SECONDS - start))s)"; done ) &
  local ticker=$!
  local rc=0
  "$@" || rc=$?
  kill "$ticker" 2>/dev/null || true
  wait "$ticker" 2>/dev/null || true
  return "$rc"
}

need_go() {
  command -v go >/dev/null 2>&1 && return 0
  log "$1: Go not found. Install Go >= 1.25 (https://go.dev/dl/, or put it on PATH), or set $2 to a prebuilt binary"
  return 1
}

provision_cli() {
  if [ -n "${TEMPORAL_CLI_PATH:-}" ]; then log "dev server: TEMPORAL_CLI_PATH=$TEMPORAL_CLI_PATH"; return; fi
  local dir="$cache/cli-$CLI_VERSION"
  if [ -x "$dir/temporal" ]; then log "dev server: present ($dir/temporal)"; return; fi
  need_go "dev server" TEMPORAL_CLI_PATH || return 1
  log "dev server: go install github.com/temporalio/cli/cmd/temporal@$CLI_VERSION (first time only: 3–8 minutes; reuses Go's module and build caches)"
  local start=$SECONDS tmp="$dir.tmp.$$"
  mkdir -p "$tmp"
  with_progress "dev server" env GOBIN="$tmp" GOFLAGS=-mod=mod go install "github.com/temporalio/cli/cmd/temporal@$CLI_VERSION"
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
    log "test server: Java/Maven not found; the workflow tests fall back to the SDK's own download (needs the internet)"; return
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

provision_server() {
  if [ -n "${TEMPORAL_SERVER_PATH:-}" ]; then log "server: TEMPORAL_SERVER_PATH=$TEMPORAL_SERVER_PATH"; return; fi
  local dir="$cache/server-$SERVER_VERSION"
  if [ -x "$dir/temporal-server" ] && [ -x "$dir/temporal-sql-tool" ]; then log "server: present ($dir)"; return; fi
  need_go "server" TEMPORAL_SERVER_PATH || return 1
  log "server: go install go.temporal.io/server/cmd/server@$SERVER_VERSION and cmd/tools/sql (first time only; shares Go's caches with the CLI)"
  local start=$SECONDS tmp="$dir.tmp.$$"
  mkdir -p "$tmp"
  with_progress "server" env GOBIN="$tmp" GOFLAGS=-mod=mod go install \
    "go.temporal.io/server/cmd/server@$SERVER_VERSION" "go.temporal.io/server/cmd/tools/sql@$SERVER_VERSION"
  mkdir -p "$dir" && mv "$tmp/server" "$dir/temporal-server" && mv "$tmp/sql" "$dir/temporal-sql-tool" && rm -rf "$tmp"
  log "server: built in $((SECONDS - start))s -> $dir/temporal-server, $dir/temporal-sql-tool"
}

targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(cli test-server server)
for target in "${targets[@]}"; do
  case "$target" in
    cli) provision_cli ;;
    test-server) provision_test_server ;;
    server) provision_server ;;
    *) log "unknown target $target (cli, test-server, server)"; exit 2 ;;
  esac
done
