#!/usr/bin/env bash
# MCP Fleet keeps this copy of the team's shared/tools/mcp-conformance.sh so that a clone anywhere
# runs the suite; the tests prefer shared/tools/ when it sits beside the repository.
#
# Run the official MCP conformance suite (npm: @modelcontextprotocol/conformance)
# against an MCP server reachable over Streamable HTTP.
#
# Usage:
#   ../shared/tools/mcp-conformance.sh <url> [server options...]   # e.g. http://localhost:8080/mcp --scenario ping
#   ../shared/tools/mcp-conformance.sh --list                      # list server scenarios of the pinned version
#   ../shared/tools/mcp-conformance.sh --raw <cli args...>         # any other subcommand (client, list --client, ...)
#
# Useful server options (forwarded verbatim to `conformance server`):
#   --scenario <id>            one scenario (prints per-check detail and the failing requirement text)
#   --suite active|all|pending default: active
#   --expected-failures <yml>  baseline file; exit 0 only if failures == baseline exactly
#   -o <dir>                   write <dir>/server-<scenario>-<ts>/checks.json
#   --verbose                  JSON checks instead of pretty print
# The suite ends with a line "Total: N passed, N failed" and exits non-zero on any failure.
# The dns-rebinding-protection scenario requires a localhost/127.0.0.1/[::1] URL.
#
# Environment (all optional):
#   MCP_CONFORMANCE_VERSION      npm version of the suite           (default 0.1.16)
#   MCP_CONFORMANCE_SDK_VERSION  pins the TS SDK client the suite uses via npm "overrides"
#                                (default 1.32.2; set to "" to let the suite's own range float)
#   MCP_CONFORMANCE_HOME         install dir (default ${TMPDIR:-/tmp}/mcp-conformance-<version>)
#   MCP_CONFORMANCE_NODE         node binary >= 22 to use; otherwise `node` on PATH if >= 22,
#                                otherwise node 22 is installed from the npm registry package
#                                node-linux-<arch> into the install dir (the suite needs Node >= 22:
#                                it imports fs.globSync, which Node 20 lacks)
#   MCP_CONFORMANCE_WAIT         seconds to wait for <url> to accept connections (default 0)
#   MCP_CONFORMANCE_NODE_HOME    where the npm-provisioned Node 22 lives, shared by all suite versions
#                                (default ${TMPDIR:-/tmp}/mcp-conformance-node22)
#
# Suite lines (see ../shared/reference/mcp-spec-notes.md section 2):
#   0.1.16 (npm dist-tag "latest")  runs the 2025-06-18/2025-11-25 scenarios on the stateful wire
#                                   (initialize handshake, Mcp-Session-Id).
#   0.2.0-alpha.N (prerelease)      adds the stateless 2026-07-28 revision; use
#                                   MCP_CONFORMANCE_VERSION=0.2.0-alpha.12 with `--requirements 2026-07-28`
#                                   (or `--requirements 2025-11-25`, or `--spec-version <rev>`).
#   MCP_CONFORMANCE_VERSION may also be a dist-tag or range; it is resolved to an exact version.
# Most scenarios call named fixtures on the server under test (tools test_simple_text, ...,
# resources test://static-text, ..., prompts test_simple_prompt, ...); a server without them fails
# those scenarios even if it is otherwise conformant.
set -euo pipefail

VERSION="${MCP_CONFORMANCE_VERSION:-0.1.16}"
SDK_VERSION="${MCP_CONFORMANCE_SDK_VERSION-1.32.2}"
NODE_MAJOR_WANTED=22
NODE_PKG_VERSION="${MCP_CONFORMANCE_NODE_PKG_VERSION:-22.23.3}"
NODE_HOME="${MCP_CONFORMANCE_NODE_HOME:-${TMPDIR:-/tmp}/mcp-conformance-node${NODE_MAJOR_WANTED}}"
WAIT="${MCP_CONFORMANCE_WAIT:-0}"

log() { printf '[conformance.sh] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 2; }

usage() {
  # the comment block at the top of this file, up to `set -euo pipefail`
  sed -n '2,/^set -euo pipefail/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2
  exit 2
}

[ $# -ge 1 ] || usage
case "$1" in -h|--help) usage ;; esac
command -v npm >/dev/null 2>&1 || die "npm is required"

# An exact version (x.y.z or x.y.z-pre) is used as is; a dist-tag or range is resolved once.
if ! printf '%s' "$VERSION" | grep -Eq '^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$'; then
  resolved="$(npm view "@modelcontextprotocol/conformance@$VERSION" version --json 2>/dev/null \
    | tr -d '[]" \n' | awk -F, '{print $NF}')" || true
  [ -n "$resolved" ] || die "cannot resolve @modelcontextprotocol/conformance@$VERSION"
  log "resolved @modelcontextprotocol/conformance@$VERSION -> $resolved"
  VERSION="$resolved"
fi
HOME_DIR="${MCP_CONFORMANCE_HOME:-${TMPDIR:-/tmp}/mcp-conformance-${VERSION}}"

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

find_node() {
  if [ -n "${MCP_CONFORMANCE_NODE:-}" ]; then
    [ "$(node_major "$MCP_CONFORMANCE_NODE")" -ge "$NODE_MAJOR_WANTED" ] \
      || die "MCP_CONFORMANCE_NODE=$MCP_CONFORMANCE_NODE is not Node >= $NODE_MAJOR_WANTED"
    echo "$MCP_CONFORMANCE_NODE"; return
  fi
  if command -v node >/dev/null 2>&1 && [ "$(node_major node)" -ge "$NODE_MAJOR_WANTED" ]; then
    command -v node; return
  fi
  local arch
  case "$(uname -m)" in
    x86_64|amd64) arch=x64 ;;
    aarch64|arm64) arch=arm64 ;;
    *) die "no Node >= $NODE_MAJOR_WANTED found and no npm node package for $(uname -m); set MCP_CONFORMANCE_NODE" ;;
  esac
  local dir="$NODE_HOME"
  local bin="$dir/node_modules/node-linux-$arch/bin/node"
  if [ ! -x "$bin" ] || [ "$(node_major "$bin")" -lt "$NODE_MAJOR_WANTED" ]; then
    log "Node >= $NODE_MAJOR_WANTED not found; installing node-linux-$arch@$NODE_PKG_VERSION from the npm registry into $dir"
    mkdir -p "$dir"
    [ -f "$dir/package.json" ] || echo '{"name":"mcp-conformance-node","private":true}' > "$dir/package.json"
    # the package ships a prebuilt bin/node and has no install scripts
    npm install --prefix "$dir" --no-audit --no-fund --ignore-scripts --loglevel=error "node-linux-$arch@$NODE_PKG_VERSION" >&2
  fi
  [ -x "$bin" ] || die "could not provision Node $NODE_MAJOR_WANTED"
  echo "$bin"
}

ensure_suite() {
  local pkg="$HOME_DIR/suite/node_modules/@modelcontextprotocol/conformance/package.json"
  if [ -f "$pkg" ] && grep -q "\"version\": \"$VERSION\"" "$pkg"; then
    return
  fi
  log "installing @modelcontextprotocol/conformance@$VERSION into $HOME_DIR/suite"
  mkdir -p "$HOME_DIR/suite"
  local overrides=""
  if [ -n "$SDK_VERSION" ]; then
    overrides=",\"overrides\":{\"@modelcontextprotocol/sdk\":\"$SDK_VERSION\"}"
  fi
  printf '{"name":"mcp-conformance-runner","private":true,"dependencies":{"@modelcontextprotocol/conformance":"%s"}%s}\n' \
    "$VERSION" "$overrides" > "$HOME_DIR/suite/package.json"
  # --ignore-scripts: the suite needs no install scripts.
  (cd "$HOME_DIR/suite" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error >&2)
  [ -f "$pkg" ] || die "install failed"
}

wait_for() {
  local url="$1" deadline=$(( $(date +%s) + WAIT ))
  [ "$WAIT" -gt 0 ] || return 0
  command -v curl >/dev/null 2>&1 || { log "curl not found; not waiting"; return 0; }
  log "waiting up to ${WAIT}s for $url"
  while :; do
    # any HTTP status (even 400/405) means the server is up
    if [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$url" || true)" != "000" ]; then return 0; fi
    [ "$(date +%s)" -lt "$deadline" ] || die "$url did not come up within ${WAIT}s"
    sleep 0.5
  done
}

NODE_BIN="$(find_node)"
ensure_suite
CLI="$HOME_DIR/suite/node_modules/@modelcontextprotocol/conformance/dist/index.js"

case "$1" in
  --list) shift; exec "$NODE_BIN" "$CLI" list --server "$@" ;;
  --raw) shift; exec "$NODE_BIN" "$CLI" "$@" ;;
  -*) die "first argument must be the server URL (or --list / --raw)" ;;
esac

URL="$1"; shift
wait_for "$URL"
log "suite $VERSION (node $("$NODE_BIN" --version)) -> $URL"
exec "$NODE_BIN" "$CLI" server --url "$URL" "$@"
