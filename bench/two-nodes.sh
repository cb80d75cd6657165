#!/usr/bin/env bash
# Scale-out check: two Kervan nodes on ports 18081 and 18082 against one PostgreSQL, behind haproxy on
# 127.0.0.1:18080 (install with `apt-get install -y haproxy`). Runs the mixed load against one node, then
# against both through haproxy, then again while node b is killed (kill -9) halfway, and checks that every
# create the runner saw acknowledged (201) is still there, and that reminders due during that last run
# (tasks created through both nodes) each notified exactly once. Results are appended to docs/benchmarks.md.
#
#   bench/two-nodes.sh [--size small|medium|default|tiny] [--duration S] [--clients N]
# Environment: SKIP_BUILD=1, KEEP=1, PG_PORT as for run.sh; LB_PORT (18080), NODE_A_PORT (18081) and
# NODE_B_PORT (18082) when those ports are taken.
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
LB_PORT="${LB_PORT:-18080}"; NODE_A_PORT="${NODE_A_PORT:-18081}"; NODE_B_PORT="${NODE_B_PORT:-18082}"
command -v haproxy > /dev/null || { echo "haproxy is needed: apt-get install -y haproxy"; exit 1; }
WORK="$(mktemp -d /tmp/kervan-two-nodes.XXXXXX)"
trap cleanup EXIT

build
start_postgres
start_node a "$NODE_A_PORT"
generate "$SIZE"
start_node b "$NODE_B_PORT"

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
    bind 127.0.0.1:${LB_PORT}
    default_backend nodes
backend nodes
    balance roundrobin
    option httpchk GET /actuator/health
    http-check expect status 200
    server a 127.0.0.1:${NODE_A_PORT} check inter 1s fall 2 rise 2
    server b 127.0.0.1:${NODE_B_PORT} check inter 1s fall 2 rise 2
CFG
haproxy -f "$WORK/haproxy.cfg" -db > "$WORK/haproxy.log" 2>&1 &
echo $! > "$WORK/haproxy.pid"
sleep 3

REPORT="$ROOT/docs/benchmarks.md"
COMMON=(--only mixed --mixed-duration "$DURATION" --mixed-clients "$CLIENTS" --warmup 5 --warm-all 20 --report "$REPORT")

log "1/3 mixed load against node a alone"
run_scenarios "http://localhost:$NODE_A_PORT" "${COMMON[@]}" --label "scale-out check, size $SIZE: one node (a), direct"

log "2/3 mixed load against both nodes through haproxy"
run_scenarios "http://localhost:$LB_PORT" "${COMMON[@]}" --label "scale-out check, size $SIZE: two nodes behind haproxy"

# Scheduled jobs run once: tasks with reminders due all through step 3 (before and after node b dies),
# created through the API on both nodes; both nodes' schedulers compete for them.
REMINDER_USER="rep2@bench.kervan.test"; REMINDER_PASSWORD="bench-password-1"
REMINDERS=30; REMINDER_SPACING=$(( (DURATION + 30) / REMINDERS > 0 ? (DURATION + 30) / REMINDERS : 1 ))
reminder_check() { java -Xmx256m -cp "$CP" io.kervan.bench.runner.ReminderCheck "$@"; }
reminder_check plan "http://localhost:$NODE_A_PORT,http://localhost:$NODE_B_PORT" "$REMINDER_USER" "$REMINDER_PASSWORD" \
    "$REMINDERS" 10 "$REMINDER_SPACING" "$WORK/reminders.txt" || { log "FAILED: could not plan the reminders"; exit 1; }

log "3/3 mixed load through haproxy; the runner kills node b (SIGKILL) halfway through the measured span"
if run_scenarios "http://localhost:$LB_PORT" "${COMMON[@]}" --acknowledged "$WORK/acknowledged.txt" \
    --kill-pid "$(cat "$WORK/b.pid")" --kill-after $((DURATION / 2)) \
    --label "scale-out check, size $SIZE: two nodes, node b killed (SIGKILL) halfway"; then
  log "No acknowledged write was lost ($(wc -l < "$WORK/acknowledged.txt") acknowledged creates checked)"
else
  log "FAILED: acknowledged writes are missing (or the runner failed); see above"; exit 1
fi
rm -f "$WORK/b.pid"

# Every reminder must have notified its assignee exactly once. A reminder that node b had claimed when it
# died is taken over by node a once b's heartbeats are overdue (db-scheduler: 6 missed heartbeats of 30 s),
# hence the long wait before calling one missing.
log "Checking that each of the $REMINDERS reminders notified exactly once (through haproxy, node a alone now)"
if reminder_check verify "http://localhost:$LB_PORT" "$REMINDER_USER" "$REMINDER_PASSWORD" "$WORK/reminders.txt" 240; then
  log "Scheduled jobs ran once: every reminder produced exactly one notification"
else
  log "FAILED: a reminder produced no notification or more than one; see above"; exit 1
fi
