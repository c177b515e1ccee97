#!/usr/bin/env bash
# The embedded H2 database can be opened by one process only, so bulk-loading a benchmark tenant
# on H2 means: stop the server, load its file, start it again. This script does both halves:
#
#   bench/h2-offline.sh start                # starts the benchmark server on BENCH_DATA
#   java bench/LoadBench.java ... --bulk "bench/h2-offline.sh load"
#
# As LoadBench's --bulk command it gets --tenant ID --prefix P --count N appended: it stops the
# server, runs BulkUsers on the H2 file and starts the server again, waiting until it serves.
# Environment: BENCH_DATA (data folder, default target/bench-h2), BENCH_PORT (default 8181),
# BENCH_HEAP (default -Xmx768m), BENCH_CP (the loader's classpath, see docs/performance.md).
set -euo pipefail
data=${BENCH_DATA:-target/bench-h2}
port=${BENCH_PORT:-8181}
heap=${BENCH_HEAP:--Xmx768m}
pidfile=$data/server.pid

start() {
  mkdir -p "$data"
  ROLLCALL_ADMIN_PASSWORD=${ROLLCALL_ADMIN_PASSWORD:-bench-password} \
  ROLLCALL_SCIM_GLOBAL_RATE_LIMIT_REQUESTS_PER_SECOND=0 \
    nohup java "$heap" -Duser.timezone=UTC -Dhazelcast.phone.home.enabled=false \
    -Drollcall.data.dir="$(cd "$data" && pwd)" \
    -jar target/payara-micro.jar --nocluster --disablephonehome --port "$port" --contextroot / \
    --prebootcommandfile server-config/pre-boot-commands.asadmin \
    --postbootcommandfile server-config/post-boot-commands.asadmin \
    --deploy target/rollcall.war >>"$data/server.log" 2>&1 &
  echo $! >"$pidfile"
  # Serving means the WAR is deployed: the admin API answers its own 401.
  for _ in $(seq 1 600); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/admin/tenants")" = 401 ]; then
      return 0
    fi
    sleep 1
  done
  echo "the server did not start; see $data/server.log" >&2
  return 1
}

stop() {
  if [ -f "$pidfile" ]; then
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 1; done
    rm -f "$pidfile"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  load)
    shift
    stop
    java -Xmx2g -cp "${BENCH_CP:?set BENCH_CP}" io.rollcall.users.BulkUsers \
      --jdbc "jdbc:h2:file:$(cd "$data" && pwd)/rollcall" --user rollcall --password rollcall "$@"
    start
    ;;
  *) echo "usage: $0 start|stop|load --tenant ID --prefix P --count N" >&2; exit 2 ;;
esac
