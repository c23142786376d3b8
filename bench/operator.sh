#!/usr/bin/env bash
# MCP Fleet operator benchmark: time for the operator to converge N McpServers (objects plus
# Accepted=True) on fabric8's mock API server, against a tuned client that writes the same objects
# itself, in one run; API writes per McpServer, writes in a steady-state window, heap and CPU.
#
#   bench/operator.sh            N = 100 and 1,000 over 10 namespaces, 5 minutes of steady state
#                                each; writes the "operator" section of docs/performance.md
#   bench/operator.sh --smoke    20 McpServers, 5 s of steady state; writes nothing (the tests
#                                run this mode)
# Other options: --sizes 100,1000 --namespaces N --steady S --in-flight N --no-pin
#                --output FILE --no-output --run-dir DIR
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=../scripts/find-jdk.sh
. scripts/find-jdk.sh

echo "== building the benchmark" >&2
./mvnw -B -q -pl bench/operator -am package dependency:build-classpath \
  -DskipTests -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >&2

# The harness (the mock API server) gets CPU 0; the operator and the client get CPU 1.
pin=()
if [ "$(nproc)" -ge 2 ] && [[ " $* " != *" --no-pin "* ]]; then pin=(taskset -c 0); fi
exec "${pin[@]}" "$JAVA_HOME/bin/java" \
  -cp "$PWD/bench/operator/target/classes:$(cat bench/operator/target/classpath.txt)" \
  dev.mcpfleet.bench.operator.OperatorBenchmark "$@"
