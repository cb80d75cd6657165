# Shared by run.sh and two-nodes.sh: build, start/stop PostgreSQL and Kervan nodes, run the harness.
# Every process started here is recorded in $WORK/*.pid and stopped by its own pid on exit.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_PORT="${PG_PORT:-55432}"
JDBC_URL="jdbc:postgresql://localhost:${PG_PORT}/postgres"
ADMIN_EMAIL="admin@kervan-bench.test"
ADMIN_PASSWORD="bench-admin-password-1"
APP_HEAP="${APP_HEAP:-1g}"

log() { echo "$(date -u +%H:%M:%S) $*"; }

build() {
  if [[ "${SKIP_BUILD:-0}" == "1" && -f "$ROOT/target/bench-classpath.txt" ]]; then
    log "Skipping the build (SKIP_BUILD=1)"
  else
    log "Building the jar and the harness"
    # clean first: Maven never deletes what a removed source left in target/, and a withdrawn migration or class
    # still there would go into the jar (a session-13 data set got three withdrawn migrations that way).
    (cd "$ROOT" && ./mvnw -B -q -DskipTests clean package dependency:build-classpath \
        -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test) || exit 1
  fi
  JAR="$(ls "$ROOT"/target/kervan-*.jar | grep -v original | head -1)"
  CP="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$ROOT/target/bench-classpath.txt")"
}

# The app and the harness run from a copy in $WORK, so that a build in the working tree during a run changes nothing.
snapshot_build() {
  mkdir -p "$WORK/cp"
  cp "$JAR" "$WORK/cp/app.jar"
  rm -rf "$WORK/cp/classes" "$WORK/cp/test-classes"
  cp -r "$ROOT/target/classes" "$ROOT/target/test-classes" "$WORK/cp/"
  JAR="$WORK/cp/app.jar"
  CP="$WORK/cp/test-classes:$WORK/cp/classes:$(cat "$ROOT/target/bench-classpath.txt")"
}

start_postgres() {
  log "Starting PostgreSQL on port $PG_PORT (data in $WORK/pg)"
  java -cp "$CP" io.kervan.bench.StandalonePostgres "$WORK/pg" "$PG_PORT" > "$WORK/pg.log" 2>&1 &
  echo $! > "$WORK/pg.pid"
  for _ in $(seq 1 60); do
    grep -q "PostgreSQL ready" "$WORK/pg.log" && return 0
    sleep 1
  done
  log "PostgreSQL did not start:"; tail -20 "$WORK/pg.log"; exit 1
}

# start_node NAME PORT: a Kervan node against the shared database; waits until healthy.
start_node() {
  local name="$1" port="$2"
  log "Starting Kervan node $name on port $port"
  mkdir -p "$WORK/$name"
  PORT="$port" KERVAN_DATA_DIR="$WORK/$name" SPRING_DATASOURCE_URL="$JDBC_URL" \
    SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=postgres \
    SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE="${DB_POOL:-20}" \
    KERVAN_ADMIN_EMAIL="$ADMIN_EMAIL" KERVAN_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    java -Xmx"$APP_HEAP" -jar "$JAR" > "$WORK/$name.log" 2>&1 &
  echo $! > "$WORK/$name.pid"
  for _ in $(seq 1 120); do
    if curl -fs "http://localhost:$port/actuator/health" > /dev/null 2>&1; then
      log "Node $name is up"; return 0
    fi
    if ! kill -0 "$(cat "$WORK/$name.pid")" 2>/dev/null; then break; fi
    sleep 1
  done
  log "Node $name did not start:"; tail -30 "$WORK/$name.log"; exit 1
}

generate() {
  log "Generating the '$1' data set"
  java -Xmx3g -cp "$CP" io.kervan.bench.data.DataGenerator --jdbc "$JDBC_URL" --size "$1" --out "$WORK/data" \
      | grep --line-buffered -v DEBUG || exit 1
}

# run_scenarios BASE_URL ARGS...: the scenario runner against a base URL.
run_scenarios() {
  local base="$1"; shift
  java -Xmx1g -cp "$CP" io.kervan.bench.runner.ScenarioRunner --base-url "$base" --data "$WORK/data" \
      --admin "$ADMIN_EMAIL" --admin-password "$ADMIN_PASSWORD" "$@"
}

stop_pid_file() {
  local file="$1"
  if [[ -f "$file" ]]; then
    local pid; pid="$(cat "$file")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$file"
  fi
}

cleanup() {
  set +e
  for f in "$WORK"/*.pid; do
    [[ "$f" == "$WORK/pg.pid" ]] && continue
    stop_pid_file "$f"
  done
  stop_pid_file "$WORK/pg.pid"
  if [[ "${KEEP:-0}" == "1" ]]; then log "Kept $WORK"; else rm -rf "$WORK"; fi
}
