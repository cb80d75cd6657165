#!/usr/bin/env bash
# One command for Kervan's performance numbers: builds the jar, starts PostgreSQL 17 and the app, loads a
# fresh generated data set, runs every scenario and appends a dated result table to docs/benchmarks.md.
#
#   bench/run.sh [--size default|medium|small|tiny] [--duration S] [--mixed-duration S] [--clients N]
#                [--label TEXT] [--only all|mixed|NAME,NAME] [--reuse DIR]
# Environment: SKIP_BUILD=1 reuses the last build; KEEP=1 keeps the work directory; PG_PORT, APP_PORT.
# --reuse DIR keeps PostgreSQL's data and the generated data set in DIR and generates only if DIR has none,
# so that a rerun after a code change skips the load (the app's migrations still run on start).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SIZE=default; DURATION=20; MIXED=300; CLIENTS=8; LABEL=""; ONLY=all; REUSE=
while [[ $# -gt 0 ]]; do
  case "$1" in
    --size) SIZE="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --mixed-duration) MIXED="$2"; shift 2 ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    --label) LABEL="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --reuse) REUSE="$2"; shift 2 ;;
    *) echo "unknown option $1"; exit 1 ;;
  esac
done
APP_PORT="${APP_PORT:-18080}"
if [[ -n "$REUSE" ]]; then
  mkdir -p "$REUSE"; WORK="$(cd "$REUSE" && pwd)"; KEEP=1
else
  WORK="$(mktemp -d /tmp/kervan-bench.XXXXXX)"
fi
trap cleanup EXIT

build
snapshot_build
start_postgres
start_node app "$APP_PORT"
if [[ -f "$WORK/data/manifest.properties" ]]; then
  log "Reusing the data set loaded in $WORK (generated $(date -u -r "$WORK/data/manifest.properties" '+%F %H:%M UTC'))"
  LABEL="${LABEL:+$LABEL, }data set reused from $(date -u -r "$WORK/data/manifest.properties" '+%F %H:%M UTC')"
  # The contacts earlier runs created (their e-mails are bench.*@example.com) go, so every run starts from the
  # generated data: tens of thousands of them, all Turkish names and most owned by the admin, had piled up at the
  # recent end of the update order, which the global search walks first (ADR 10).
  # Earlier runs also left thousands of new and updated rows that autovacuum may not have reached yet; without a
  # vacuum, index-only scans fetch more heap pages and runs on the same data set differ by 20-40 %.
  # The audit events earlier runs wrote go too (the generator writes none): the update scenario edits the same sample
  # contacts in every run, and after a week of runs each had ~2,600 events, which the rep's timeline read in full
  # until V0092 (docs/benchmarks.md, eighteenth round, item 8).
  log "Removing the contacts and audit events earlier runs created, vacuuming the reused data set"
  GENERATED_AT="$(date -u -r "$WORK/data/manifest.properties" '+%F %T+00')"
  printf '%s\n' "delete from contacts c using contact_emails e where e.contact_id = c.id and e.email like 'bench.%@example.com'" \
      ";" "delete from audit_events where occurred_at > timestamptz '$GENERATED_AT'" ";" "vacuum (analyze)" \
      > "$WORK/vacuum.sql"
  java -cp "$CP" "$ROOT/bench/Sql.java" "$JDBC_URL" "$WORK/vacuum.sql" > /dev/null || exit 1
else
  generate "$SIZE"
fi
log "Running the scenarios"
run_scenarios "http://localhost:$APP_PORT" --only "$ONLY" --clients "$CLIENTS" --duration "$DURATION" --mixed-duration "$MIXED" \
    --report "$ROOT/docs/benchmarks.md" --label "size $SIZE, app and PostgreSQL on this machine${LABEL:+, $LABEL}"
