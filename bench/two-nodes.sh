#!/usr/bin/env bash
# Scale-out check: two Kervan nodes on ports 18081 and 18082 against one PostgreSQL, behind haproxy on
# 127.0.0.1:18080 (install with `apt-get install -y haproxy`). Runs the mixed load against one node, then
# against both through haproxy, then again while node b is killed (kill -9) halfway, and checks that every
# create the runner saw acknowledged (201) is still there. Results are appended to docs/benchmarks.md.
#
#   bench/two-nodes.sh [--size small|medium|default|tiny] [--duration S] [--clients N]
# Environment: SKIP_BUILD=1, KEEP=1, PG_PORT as for run.sh.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SIZE=small; DURATION=60; CLIENTS=16
while [[ $# -gt 0 ]]; do
  case "$1" in
    --size) SIZE="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    *) echo "unknown option $1"; exit 1 ;;
  esac
done
command -v haproxy > /dev/null || { echo "haproxy is needed: apt-get install -y haproxy"; exit 1; }
WORK="$(mktemp -d /tmp/kervan-two-nodes.XXXXXX)"
trap cleanup EXIT

build
start_postgres
start_node a 18081
generate "$SIZE"
start_node b 18082

cat > "$WORK/haproxy.cfg" <<CFG
global
    maxconn 4000
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    # a request is re-sent to the other node only when the connection could not be made at all,
    # so no request that reached a node is ever sent twice
    retries 2
    option redispatch
frontend kervan
    bind 127.0.0.1:18080
    default_backend nodes
backend nodes
    balance roundrobin
    option httpchk GET /actuator/health
    http-check expect status 200
    server a 127.0.0.1:18081 check inter 1s fall 2 rise 2
    server b 127.0.0.1:18082 check inter 1s fall 2 rise 2
CFG
haproxy -f "$WORK/haproxy.cfg" -db > "$WORK/haproxy.log" 2>&1 &
echo $! > "$WORK/haproxy.pid"
sleep 3

REPORT="$ROOT/docs/benchmarks.md"
COMMON=(--only mixed --mixed-duration "$DURATION" --mixed-clients "$CLIENTS" --warmup 5 --warm-all 20 --report "$REPORT")

log "1/3 mixed load against node a alone"
run_scenarios "http://localhost:18081" "${COMMON[@]}" --label "scale-out check, size $SIZE: one node (a), direct"

log "2/3 mixed load against both nodes through haproxy"
run_scenarios "http://localhost:18080" "${COMMON[@]}" --label "scale-out check, size $SIZE: two nodes behind haproxy"

log "3/3 mixed load through haproxy; the runner kills node b (SIGKILL) halfway through the measured span"
if run_scenarios "http://localhost:18080" "${COMMON[@]}" --acknowledged "$WORK/acknowledged.txt" \
    --kill-pid "$(cat "$WORK/b.pid")" --kill-after $((DURATION / 2)) \
    --label "scale-out check, size $SIZE: two nodes, node b killed (SIGKILL) halfway"; then
  log "No acknowledged write was lost ($(wc -l < "$WORK/acknowledged.txt") acknowledged creates checked)"
else
  log "FAILED: acknowledged writes are missing (or the runner failed); see above"; exit 1
fi
rm -f "$WORK/b.pid"

# TODO(tasks module): "scheduled jobs (reminders) run once". Jobs run on db-scheduler (docs/adr/0006),
# which claims each execution on one node. When the tasks module's reminder job exists: create tasks
# with reminders due during step 3 through the API (both nodes running their schedulers), and check
# afterwards that each reminder was delivered exactly once (its sent_at / delivery rows), including the
# ones due while node b died.
log "Scheduled jobs running once: not checked yet (no reminder job on main; see the TODO in this script)"
