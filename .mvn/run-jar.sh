# Builds one module's jar when its sources are newer, and copies the jar with its libraries to a
# folder of the launcher's, so a later build never rewrites the classpath of a running JVM.
# POSIX sh, sourced (after .mvn/select-jdk.sh) by ./run-registry, ./run-sidecar and ./run-operator
# from the repository root.
#
#   cairn_run_jar WHAT MODULE JAR RUNTIME_DIR SOURCE...
#
# WHAT names the process in messages ("registry"), MODULE/target/JAR is the jar, RUNTIME_DIR holds
# one folder per build, and SOURCE... are the paths whose newer files call for a build (pom.xml is
# always one). Sets cairn_jar to the copy to run.

cairn_run_jar() {
  cairn_what=$1
  cairn_module=$2
  cairn_name=$3
  cairn_runtime=$4
  shift 4
  cairn_built="$cairn_module/target/$cairn_name"
  if [ ! -f "$cairn_built" ] || [ -n "$(find pom.xml "$@" -path '*/target' -prune -o -newer "$cairn_built" -type f -print | head -n 1)" ]; then
    echo "Building the $cairn_what (first run or changed sources; about a minute)..."
    # A line per module as it starts instead of a minute of silence; Maven's own output only when
    # the build fails.
    cairn_log=$(mktemp)
    { ./mvnw -B -pl "$cairn_module" -am package -DskipTests 2>&1; echo $? >"$cairn_log.rc"; } |
      tee "$cairn_log" |
      awk '/^\[INFO\] Building Cairn/ { sub(/^\[INFO\] Building /, ""); sub(/ +[0-9][^ ]* +\[/, " ["); print "  " $0; fflush() }'
    if [ "$(cat "$cairn_log.rc")" != 0 ]; then
      cat "$cairn_log" >&2
      rm -f "$cairn_log" "$cairn_log.rc"
      echo "run-$cairn_what: cannot start: the build failed (output above)" >&2
      exit 1
    fi
    rm -f "$cairn_log" "$cairn_log.rc"
  fi

  # The jar and its libraries together name the build: a rebuilt library alone is a new build.
  cairn_stamp=$(cksum "$cairn_built" "$cairn_module"/target/libs/* | cksum | cut -d' ' -f1)
  cairn_run="$cairn_runtime/$cairn_stamp"
  if [ ! -f "$cairn_run/$cairn_name" ]; then
    # Copies of earlier builds stay: a process started from one may still be loading classes.
    rm -rf "$cairn_run.tmp"
    mkdir -p "$cairn_run.tmp"
    cp -R "$cairn_module/target/libs" "$cairn_run.tmp/libs"
    cp "$cairn_built" "$cairn_run.tmp/$cairn_name"
    mv "$cairn_run.tmp" "$cairn_run"
  fi
  cairn_jar="$cairn_run/$cairn_name"
}
