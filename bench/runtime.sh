#!/usr/bin/env bash
# MCP Fleet runtime benchmark: tools/call over Streamable HTTP on loopback, the runtime against a
# fixed-answer Netty server and the official MCP SDK servers (Java, TypeScript), in one run.
#
#   bench/runtime.sh            full run (about 10 minutes); writes the "runtime" section of
#                               docs/performance.md
#   bench/runtime.sh --guide    the guide's load test (1,000 requests, 50 workers) against every
#                               server; writes the "runtime-guide" section
#   bench/runtime.sh --smoke    a few seconds per server; checks that the harness works and
#                               writes nothing (the tests run this mode)
#   bench/runtime.sh --startup  start-up only: each server started 5 times (--rounds N), timed to its
#                               first right tools/call; writes the "runtime-startup" section
# Other options: --duration S --warmup S --connections 1,16,64 --rounds N --only a,b --no-pin
#                --output FILE --no-output --run-dir DIR
#
# Builds what it needs with the Maven wrapper, installs wrk (Debian) when missing and the
# TypeScript SDK from npm into a cache directory. Figures are ratios within one run: the machine
# is shared, so the report records its load average.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

# shellcheck source=../scripts/find-jdk.sh
. scripts/find-jdk.sh

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing wrk" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null
  else
    echo "wrk is needed: install the Debian package wrk (apt-get install wrk)" >&2
    exit 2
  fi
fi

echo "== building the benchmark and the runtime (its jar, lib/ and start-up cache)" >&2
./mvnw -B -q -pl bench/runtime,runtime-image -am package dependency:build-classpath \
  -DskipTests -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >&2

exec "$JAVA_HOME/bin/java" -cp "$repo/bench/runtime/target/classes:$(cat bench/runtime/target/classpath.txt)" \
  dev.mcpfleet.bench.runtime.RuntimeBenchmark "$@"
