#!/bin/sh
# Starts Payara Micro with Rollcall from a class-data-sharing (CDS) archive, which cuts a start by
# the time the JVM would otherwise spend reading, parsing and verifying the classes of a start
# (docs/performance.md, "Cold start", has the figures).
#
#   server-config/fast-start.sh prepare DIR payara-micro.jar rollcall.war
#   server-config/fast-start.sh start DIR [Payara Micro options, e.g. --port 8080 --deploy …]
#
# prepare unpacks Payara Micro into DIR once (a launcher JAR and its runtime, at fixed paths, which
# is what CDS needs) and makes DIR/rollcall.jsa from one trained start: the WAR deployed on a
# throw-away H2 database, stopped once it serves. start copies the pristine runtime to DIR/runtime
# (Payara Micro writes its deployments into its runtime folder and would redeploy an old WAR on the
# next start) and runs the launcher with the archive. JAVA_OPTS is passed to java in both.
#
# The archive belongs to the JDK, the Payara Micro JAR and the WAR it was made from: prepare again
# after changing any of them. A stale archive is never wrong, only slower — the JVM ignores classes
# that do not match, with a warning — and -Xshare:on in JAVA_OPTS makes an unusable archive an
# error instead. One running server per DIR: every start replaces DIR/runtime.
set -eu

usage() {
  echo "usage: $0 prepare DIR payara-micro.jar rollcall.war | start DIR [Payara Micro options]" >&2
  exit 2
}

[ $# -ge 2 ] || usage
command=$1
dir=$2
shift 2
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

fresh_runtime() {
  rm -rf "$dir/runtime"
  # -p keeps the JARs' modification times, which the archive checks.
  cp -Rp "$dir/pristine" "$dir/runtime"
}

case $command in
  prepare)
    [ $# -eq 2 ] || usage
    micro=$1
    war=$2
    here=$(cd "$(dirname "$0")" && pwd)
    # Replace only what an earlier prepare made; never empty a folder that holds anything else.
    if [ -e "$dir" ] && [ ! -d "$dir/pristine" ] && [ -n "$(ls -A "$dir")" ]; then
      echo "$dir exists and was not made by prepare: choose a new folder" >&2
      exit 1
    fi
    rm -rf "$dir/pristine" "$dir/runtime" "$dir/rollcall.jsa" "$dir/prepare.log"
    mkdir -p "$dir"
    "$java" -jar "$micro" --rootdir "$dir/pristine" --outputlauncher > "$dir/prepare.log" 2>&1
    fresh_runtime
    training=$(mktemp -d)
    server=
    # However prepare ends (done, failed, interrupted), the training server does not outlive it.
    trap 'if [ -n "$server" ]; then kill "$server" 2> /dev/null || true; wait "$server" || true; fi
          rm -rf "$training"' EXIT
    trap 'exit 130' INT TERM
    # Port 0 is refused by Payara; a port of the dynamic range, moved up if it is taken
    # (--autobindhttp), serves the training start.
    port=$(( 40000 + $$ % 20000 ))
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    ROLLCALL_ADMIN_PASSWORD=fast-start-training "$java" ${JAVA_OPTS:-} \
      -XX:ArchiveClassesAtExit="$dir/rollcall.jsa" -Duser.timezone=UTC \
      -Dhazelcast.phone.home.enabled=false -Drollcall.data.dir="$training" \
      -jar "$dir/runtime/launch-micro.jar" --nocluster --disablephonehome --port "$port" \
      --autobindhttp \
      --prebootcommandfile "$here/pre-boot-commands.asadmin" \
      --postbootcommandfile "$here/post-boot-commands.asadmin" \
      --deploy "$war" --contextroot / >> "$dir/prepare.log" 2>&1 &
    server=$!
    # Payara logs "ready in" once the WAR is deployed and its start-up (migrations, first
    # account) has run: every class of a start is loaded by then.
    waited=0
    until grep -q "ready in" "$dir/prepare.log"; do
      if ! kill -0 "$server" 2> /dev/null || [ "$waited" -ge 300 ]; then
        echo "the training start did not become ready; see $dir/prepare.log" >&2
        exit 1
      fi
      sleep 1
      waited=$((waited + 1))
    done
    kill "$server"
    wait "$server" || true
    server=
    [ -s "$dir/rollcall.jsa" ] || { echo "no archive written; see $dir/prepare.log" >&2; exit 1; }
    rm -rf "$dir/runtime"
    echo "prepared $dir/rollcall.jsa"
    ;;
  start)
    [ -f "$dir/rollcall.jsa" ] || { echo "no archive in $dir: run prepare first" >&2; exit 1; }
    fresh_runtime
    # shellcheck disable=SC2086
    exec "$java" -XX:SharedArchiveFile="$dir/rollcall.jsa" ${JAVA_OPTS:-} \
      -jar "$dir/runtime/launch-micro.jar" "$@"
    ;;
  *)
    usage
    ;;
esac
