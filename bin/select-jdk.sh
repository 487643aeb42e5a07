# Sourced by ./run and .ci/run: makes JAVA_HOME a JDK of release 21 or newer, or stops with a
# message that says what to install. Looks at JAVA_HOME, then the JDK of the java on the PATH, then
# the JDKs installed beside that one (a system's JVM folder holds them side by side), newest first.

jdk_release() { # prints the feature release of the JDK at $1, or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

select_jdk() {
  local candidate release path_jdk
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    path_jdk=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    candidates+=("$path_jdk")
    while IFS= read -r candidate; do candidates+=("$candidate"); done \
      < <(find "$(dirname "$path_jdk")" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | sort -rV)
  fi
  for candidate in "${candidates[@]}"; do
    release=$(jdk_release "$candidate")
    if [ -n "$release" ] && [ "$release" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "Convene needs a JDK of release 21 or newer; none was found in JAVA_HOME, on the PATH or beside it." >&2
  echo "Install one (e.g. Temurin 21 or 25) and set JAVA_HOME to it." >&2
  return 1
}

select_jdk
