#!/usr/bin/env bash
# Accuracy: a target that answers in ~1 ms but freezes for 1 s every 5 s, driven at a fixed
# 200 requests/s for 30 s. A fifth of the requests arrive during a freeze and wait up to 1 s,
# so the true p90/p95/p99 are about 500/750/950 ms. Prints what loadtest reports (open model,
# latency from the intended start) beside what Locust (closed loop) reports.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_setup
port="$(free_port)"
seconds="${BENCH_SECONDS:-30}"
"${MOCK[@]}" --port "$port" --latency 1ms --stall 1s/5s > "$work/mock.out" 2>&1 &
mock_pid=$!
trap 'stop_process $mock_pid' EXIT
wait_for_port "$port"

cat > "$work/accuracy.yaml" <<SPEC
name: accuracy
target: {baseUrl: "http://127.0.0.1:$port"}
load: {arrivalRate: 200, duration: $((seconds + 5))s, maxConcurrency: 1000}
scenarios:
  - name: get
    tasks:
      - {name: root, request: {path: /}}
SPEC
"${LOADTEST[@]}" run -f "$work/accuracy.yaml" --warm-up 5s --overwrite --out "$work/accuracy-lt" \
  > "$work/accuracy-lt.out"

# Locust needs 200 users pacing one request per second each to offer 200 requests/s.
cat > "$work/locustfile.py" <<PY
from locust import FastHttpUser, task, constant_pacing

class Root(FastHttpUser):
    wait_time = constant_pacing(1)

    @task
    def root(self):
        self.client.get("/")
PY
locust -f "$work/locustfile.py" --headless -u 200 -r 200 -t "${seconds}s" \
  --host "http://127.0.0.1:$port" --csv "$work/locust" --only-summary > "$work/locust.out" 2>&1 \
  || true

python3 - "$work" <<'PY'
import csv, json, sys
work = sys.argv[1]
lt = json.load(open(f"{work}/accuracy-lt/summary.json"))["totals"]
rows = {r["Name"]: r for r in csv.DictReader(open(f"{work}/locust_stats.csv"))}
lo = rows["Aggregated"]
truth = {"p90": 500, "p95": 750, "p99": 950}
print(f"{'percentile':<11}{'truth ms':>10}{'loadtest':>10}{'error':>8}{'locust':>10}")
for p in ("p90", "p95", "p99"):
    got = lt["latencyMs"][p]
    locust = lo[p[1:] + "%"]
    print(f"{p:<11}{truth[p]:>10}{got:>10.0f}{(got - truth[p]) / truth[p]:>8.0%}{locust:>10}")
print(f"requests: loadtest {lt['requests']} ({lt['rps']:.1f}/s), locust {lo['Request Count']}"
      f" ({float(lo['Requests/s']):.1f}/s)")
PY
