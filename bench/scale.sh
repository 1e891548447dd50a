#!/usr/bin/env bash
# Scale: 10,000 concurrent virtual users whose requests each take 10 s (mock latency), ramped
# in 5 s, for 40 s. Prints errors, p50/p99, peak RSS, and CPU in the steady part (15 s to 35 s),
# with the JIT compiler's share apart: at 1,000 requests/s the request path reaches the C2
# compiler's thresholds only after 10-20 s, so compilation still runs in that window.
#
# 10,000 waiting users keep about 73 MB live (a heap histogram in the steady part), so the heap
# is capped at 128 MB; the other scripts' 160 MB let the parallel collector grow into all of it
# and RSS by 40 MiB more for nothing (docs/performance.md has both).
: "${LOADTEST_BENCH_JAVA_OPTS:=-XX:+UseParallelGC -Xms64m -Xmx128m -Xss512k}"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_setup
ulimit -n 20000
# 10,000 simultaneous connects overflow the default accept queues; raised for this run only.
old_somaxconn="$(sysctl -n net.core.somaxconn)"
old_backlog="$(sysctl -n net.ipv4.tcp_max_syn_backlog)"
sysctl -qw net.core.somaxconn=16384 net.ipv4.tcp_max_syn_backlog=16384
port="$(free_port)"
"${MOCK[@]}" --port "$port" --latency 10s > "$work/mock.out" 2>&1 &
mock_pid=$!
cleanup() {
  stop_process "$mock_pid"
  sysctl -qw net.core.somaxconn="$old_somaxconn" net.ipv4.tcp_max_syn_backlog="$old_backlog"
}
trap cleanup EXIT
wait_for_port "$port"

cat > "$work/scale.yaml" <<SPEC
name: scale
target: {baseUrl: "http://127.0.0.1:$port", requestTimeout: 60s, connectTimeout: 30s}
load: {users: 10000, rampUp: 5s, hold: 35s}
scenarios:
  - name: slow
    tasks:
      - {name: wait, request: {path: /slow}}
SPEC
"${LOADTEST[@]}" run -f "$work/scale.yaml" --overwrite --out "$work/scale-lt" \
  > "$work/scale-lt.out" 2>&1 &
lt_pid=$!
sleep 15
read -r start_ticks start_jit < <(cpu_ticks "$lt_pid")
sleep 20
read -r end_ticks end_jit < <(cpu_ticks "$lt_pid")
rss_kib="$(awk '/VmHWM/ {print $2}' "/proc/$lt_pid/status")"
wait "$lt_pid" || true
hz="$(getconf CLK_TCK)"
python3 - "$work" "$((end_ticks - start_ticks))" "$((end_jit - start_jit))" "$hz" "$rss_kib" \
  <<'PY'
import json, sys
work, ticks, jit, hz, rss = sys.argv[1], *map(int, sys.argv[2:])
t = json.load(open(f"{work}/scale-lt/summary.json"))["totals"]
print(f"requests {t['requests']}, failures {t['failures']},"
      f" p50 {t['latencyMs']['p50'] / 1000:.2f} s, p99 {t['latencyMs']['p99'] / 1000:.2f} s")
core, jit_core = ticks / hz / 20, jit / hz / 20
print(f"steady-state cpu {core:.1%} of one core: JIT compiler {jit_core:.1%},"
      f" the rest {core - jit_core:.1%}; peak rss {rss / 1024:.0f} MiB")
PY
