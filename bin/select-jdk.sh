# Sourced by ./run and .ci/run: makes JAVA_HOME a JDK of release 21 or newer, or stops with a
# message that says what to install. Order: JAVA_HOME, the java on PATH, the JDKs installed under
# the system's JVM folder (Debian and Ubuntu put them in /usr/lib/jvm), the newest first.

jdk_release() { # prints the feature release of the JDK at $1, or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

select_jdk() {
  local candidate release
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  if [ -d /usr/lib/jvm ]; then
    while IFS= read -r candidate; do candidates+=("$candidate"); done \
      < <(find /usr/lib/jvm -mindepth 1 -maxdepth 1 -type d | sort -rV)
  fi
  for candidate in "${candidates[@]}"; do
    release=$(jdk_release "$candidate")
    if [ -n "$release" ] && [ "$release" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "Convene needs a JDK of release 21 or newer; none was found (JAVA_HOME, PATH, /usr/lib/jvm)." >&2
  echo "Install one (e.g. Temurin 21 or 25) and set JAVA_HOME to it." >&2
  return 1
}

select_jdk
