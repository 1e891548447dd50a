#!/usr/bin/env bash
# Rate: a constant 5,000 arrivals/s for 60 s against the mock in its own process. Prints the
# achieved rate against the target and the generator's lag (how late intended starts were sent).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_setup
port="$(free_port)"
seconds="${BENCH_SECONDS:-60}"
rate="${BENCH_RATE:-5000}"
"${MOCK[@]}" --port "$port" --latency 1ms > "$work/mock.out" 2>&1 &
mock_pid=$!
trap 'stop_process $mock_pid' EXIT
wait_for_port "$port"

cat > "$work/rate.yaml" <<SPEC
name: rate
target: {baseUrl: "http://127.0.0.1:$port", maxConnections: 256}
load: {arrivalRate: $rate, duration: $((seconds + 5))s, maxConcurrency: 1000}
scenarios:
  - name: get
    tasks:
      - {name: root, request: {path: /}}
SPEC
measured "$work/rate-lt.m" "${LOADTEST[@]}" run -f "$work/rate.yaml" --warm-up 5s \
  --overwrite --out "$work/rate-lt" > "$work/rate-lt.out"
read -r cpu rss < "$work/rate-lt.m"
python3 - "$work" "$rate" "$cpu" "$rss" <<'PY'
import json, sys
work, rate, cpu, rss = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
s = json.load(open(f"{work}/rate-lt/summary.json"))
t = s["totals"]
lag = s.get("generatorLagMs", {})
print(f"target {rate:.0f}/s, achieved {t['rps']:.1f}/s ({(t['rps'] - rate) / rate:+.2%}),"
      f" requests {t['requests']}, dropped {s.get('dropped', 0)}")
print(f"generator lag p99 {lag.get('p99', float('nan')):.2f} ms, max {lag.get('max', float('nan')):.2f} ms")
print(f"loadtest cpu {cpu} s, peak rss {rss} MiB")
PY
