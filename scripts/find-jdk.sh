# Sourced by .ci/run and ./mcp-fleet: exports JAVA_HOME pointing at a JDK 21 or newer.
# Order: JAVA_HOME when new enough, `java` on PATH when new enough, then the newest JDK 21+
# under /usr/lib/jvm, /usr/local, /opt and ~/.jdks. Fails with a clear message when none exists.

_mcpfleet_java_major() {
  # Prints the feature version of the JDK at $1 (0 if it is not a JDK). The JDK's release file
  # says it without starting a JVM (which would slow every ./mcp-fleet run); java itself otherwise.
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || { echo 0; return; }
  local release
  release=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -n 1)
  if [ -n "$release" ]; then echo "$release"; return; fi
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

_mcpfleet_find_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(_mcpfleet_java_major "$JAVA_HOME")
    if [ "${major:-0}" -ge 21 ]; then echo "$JAVA_HOME"; return 0; fi
    echo "JAVA_HOME=$JAVA_HOME is JDK ${major:-unknown}; MCP Fleet needs 21 or newer, looking for one" >&2
  fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(_mcpfleet_java_major "$candidate")
    if [ "${major:-0}" -ge 21 ]; then echo "$candidate"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/* /usr/local/*jdk* /opt/*jdk* "$HOME"/.jdks/*; do
    [ -d "$candidate" ] || continue
    major=$(_mcpfleet_java_major "$candidate")
    if [ "${major:-0}" -gt "$best_major" ]; then best="$candidate"; best_major=$major; fi
  done
  if [ "$best_major" -ge 21 ]; then echo "$best"; return 0; fi
  return 1
}

if _mcpfleet_jdk=$(_mcpfleet_find_jdk); then
  export JAVA_HOME="$_mcpfleet_jdk"
  export PATH="$JAVA_HOME/bin:$PATH"
else
  echo "MCP Fleet needs a JDK 21 or newer and found none (JAVA_HOME, PATH, /usr/lib/jvm, /opt, ~/.jdks)." >&2
  echo "Install one (e.g. apt-get install openjdk-21-jdk, or Temurin 21/25) or set JAVA_HOME to it." >&2
  return 1 2>/dev/null || exit 1
fi
unset _mcpfleet_jdk
