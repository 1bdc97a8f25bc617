# Picks a JDK >= 21 for the build and the launcher, so that neither asks the user to export
# anything: JAVA_HOME when it is already >= 21, else the newest JDK >= 21 in the usual places.
# POSIX sh, sourced by ./mvnw and ./run-registry.

cairn_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

cairn_select_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(cairn_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      return 0
    fi
  fi
  best=""
  best_major=0
  # ./mvnw runs under `set -f`; the search below needs globbing.
  case $- in *f*) cairn_had_noglob=1 ;; *) cairn_had_noglob=0 ;; esac
  set +f
  for candidate in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(cairn_java_major "$candidate")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  [ "$cairn_had_noglob" = 1 ] && set -f
  if [ -z "$best" ] && command -v java >/dev/null 2>&1; then
    path_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    major=$(cairn_java_major "$path_home")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      best="$path_home"
    fi
  fi
  if [ -z "$best" ]; then
    echo "Cairn needs a JDK 21 or newer; none was found (JAVA_HOME, /usr/lib/jvm, PATH)." >&2
    exit 1
  fi
  JAVA_HOME="$best"
  export JAVA_HOME
}

cairn_select_jdk

# Maven's own libraries call sun.misc.Unsafe, which JDK 24+ warns about on every build; the user
# did not cause it and cannot fix it, so the build JVM allows it quietly (the flag exists from 23).
if [ "$(cairn_java_major "$JAVA_HOME")" -ge 23 ] 2>/dev/null; then
  case "${MAVEN_OPTS:-}" in
    *sun-misc-unsafe-memory-access*) ;;
    *) MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"; export MAVEN_OPTS ;;
  esac
fi
