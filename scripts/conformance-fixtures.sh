#!/usr/bin/env bash
# Serves the MCP conformance suite's fixtures on http://127.0.0.1:<port>/mcp (default 8080), with
# the real runtime, so the official suite can be run against it by hand (docs/conformance.md).
# Builds the runtime's test classes first; stops on Ctrl-C.
#   scripts/conformance-fixtures.sh [port]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
PORT="${1:-8080}"
CLASSPATH_FILE=target/test-classpath.txt
./mvnw -q -B -pl runtime-image -am test-compile dependency:build-classpath \
  -Dspotless.check.skip=true -Dmdep.includeScope=test -Dmdep.outputFile="$CLASSPATH_FILE"
CP="runtime-image/target/test-classes:runtime-image/target/classes:$(cat "runtime-image/$CLASSPATH_FILE")"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" \
  dev.mcpfleet.runtime.conformance.ConformanceServer "$PORT"
