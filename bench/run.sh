#!/usr/bin/env bash
# One command for Kervan's performance numbers: builds the jar, starts PostgreSQL 17 and the app, loads a
# fresh generated data set, runs every scenario and appends a dated result table to docs/benchmarks.md.
#
#   bench/run.sh [--size default|medium|small|tiny] [--duration S] [--mixed-duration S] [--clients N]
#                [--label TEXT] [--only all|mixed|NAME,NAME]
# Environment: SKIP_BUILD=1 reuses the last build; KEEP=1 keeps the work directory; PG_PORT, APP_PORT.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SIZE=default; DURATION=20; MIXED=300; CLIENTS=8; LABEL=""; ONLY=all
while [[ $# -gt 0 ]]; do
  case "$1" in
    --size) SIZE="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --mixed-duration) MIXED="$2"; shift 2 ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    --label) LABEL="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    *) echo "unknown option $1"; exit 1 ;;
  esac
done
APP_PORT="${APP_PORT:-18080}"
WORK="$(mktemp -d /tmp/kervan-bench.XXXXXX)"
trap cleanup EXIT

build
start_postgres
start_node app "$APP_PORT"
generate "$SIZE"
log "Running the scenarios"
run_scenarios "http://localhost:$APP_PORT" --only "$ONLY" --clients "$CLIENTS" --duration "$DURATION" --mixed-duration "$MIXED" \
    --report "$ROOT/docs/benchmarks.md" --label "size $SIZE, app and PostgreSQL on this machine${LABEL:+, $LABEL}"
