#!/usr/bin/env bash
# End-to-end checks of the monitoring stack with the real tools, on loopback only:
#   promtool check config / check rules / test rules on compose/;
#   docker-compose config on compose/docker-compose.yml, and the spec it runs with its
#   monitors overlay validates;
#   the Grafana dashboard parses and names only metrics loadtest exports;
#   a real Prometheus scrapes a 20 s loadtest run against the built-in mock (with a target
#   monitor on a static page) and, beside it, a 25 s open-model run at 20 arrivals/s (whose
#   arrival, drop and lag series feed the dashboard's open-model panels) and a streamed LLM
#   chat run (TTFT, tokens, cost panels), and every PromQL expression of the dashboard and of
#   alerts.yml returns data through Prometheus' HTTP API (an alert's expression without its
#   comparison);
#   a real Pushgateway receives the run's metrics under job/loadtest/run_id/ID.
# A missing tool fails the script, naming the Debian package. Needs the engine jar (mvn package).
#
#   compose/test/e2e.sh
set -euo pipefail
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok: $*"; }
bad() { failed=$((failed + 1)); echo "FAILED: $*" >&2; }

need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "e2e: FAILED: '$1' is missing; install the Debian package '$2' (.ci/setup installs it)" >&2
  echo "0 passed, 1 failed"
  exit 1
}
need prometheus prometheus
need promtool prometheus
need prometheus-pushgateway prometheus-pushgateway
need docker-compose docker-compose
need python3 python3
need curl curl
need java openjdk-17-jdk-headless

jar="engine/target/loadtest.jar"
[[ -f "$jar" ]] || { echo "e2e: FAILED: no $jar; run mvn -B package first" >&2; exit 1; }

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Polls a URL until it answers 200 or the deadline (seconds) passes.
wait_for() {
  local url="$1" deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    (( SECONDS < deadline )) || return 1
    sleep 0.2
  done
}

# --- Static checks ---------------------------------------------------------------------------
promtool check config compose/prometheus.yml >"$work/promtool.log" 2>&1 \
  && ok "promtool check config" || { cat "$work/promtool.log"; bad "promtool check config"; }
promtool check rules compose/alerts.yml >"$work/promtool.log" 2>&1 \
  && ok "promtool check rules" || { cat "$work/promtool.log"; bad "promtool check rules"; }
promtool test rules compose/alerts-test.yml >"$work/promtool.log" 2>&1 \
  && ok "promtool test rules (every alert fires and stays quiet)" \
  || { cat "$work/promtool.log"; bad "promtool test rules"; }
docker-compose -f compose/docker-compose.yml config -q >"$work/compose.log" 2>&1 \
  && ok "docker-compose config" || { cat "$work/compose.log"; bad "docker-compose config"; }
LOAD_TEST_HOST=http://target:8000 java -jar "$jar" validate -f examples/enterprise.yaml \
  -f compose/monitors.yaml >"$work/validate.log" 2>&1 \
  && ok "the compose stack's spec and monitors overlay validate" \
  || { cat "$work/validate.log"; bad "compose spec"; }

# Every expression, one per line: the dashboard's targets, then the alerts' signals.
python3 compose/test/expressions.py >"$work/expressions.txt" 2>"$work/names.log" \
  && ok "dashboard parses and names only exported metrics" \
  || { cat "$work/names.log"; bad "dashboard metric names"; }

# --- A real run, scraped by a real Prometheus and pushed to a real Pushgateway ----------------
metrics_port="$(free_port)"; prom_port="$(free_port)"; gateway_port="$(free_port)"
page_port="$(free_port)"; open_port="$(free_port)"; llm_port="$(free_port)"
mkdir -p "$work/page" "$work/tsdb"
printf '# TYPE pilotpros_system_health gauge\npilotpros_system_health 93\n' >"$work/page/metrics"
python3 -m http.server "$page_port" --bind 127.0.0.1 --directory "$work/page" \
  >"$work/page.log" 2>&1 & pids+=($!)

prometheus-pushgateway --web.listen-address="127.0.0.1:$gateway_port" \
  >"$work/gateway.log" 2>&1 & pids+=($!)

cp compose/alerts.yml "$work/alerts.yml"
cat >"$work/prometheus.yml" <<YAML
global: {scrape_interval: 1s, evaluation_interval: 1s}
rule_files: [alerts.yml]
scrape_configs:
  - job_name: loadtest
    static_configs:
      - targets: ["127.0.0.1:$metrics_port", "127.0.0.1:$open_port", "127.0.0.1:$llm_port"]
YAML
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
  --web.listen-address="127.0.0.1:$prom_port" >"$work/prometheus.log" 2>&1 & pids+=($!)

cat >"$work/overlay.yaml" <<YAML
metrics:
  labels: {team: e2e}
  monitors:
    - name: target
      url: http://127.0.0.1:$page_port/metrics
      interval: 1s
      series:
        - {name: health_score, metric: pilotpros_system_health}
thresholds:
  - {metric: latency.p95, below: 1s}
  - {metric: errorRate, below: 20%}
  - {metric: monitor.health_score, above: 80}
YAML

wait_for "http://127.0.0.1:$prom_port/-/ready" 30 || { cat "$work/prometheus.log"; bad "prometheus start"; }
wait_for "http://127.0.0.1:$gateway_port/-/ready" 30 || { cat "$work/gateway.log"; bad "pushgateway start"; }

# The open-model run goes on beside the main one, and a little longer, so that its series are
# still live at the query time below. Its thresholds are not what this checks: a verdict of 1
# is fine, while 2 or 3 (it did not run) is not.
java -jar "$jar" run -f examples/open-model.yaml --rate 20 --duration 25s \
  --metrics-port "$open_port" --run-id e2e-open >"$work/open.log" 2>&1 & open_pid=$!
pids+=("$open_pid")
# Likewise streamed chat answers from the built-in mock's LLM endpoint, for the TTFT, tokens
# and cost panels.
java -jar "$jar" run -f examples/llm-chat-streaming.yaml --users 10 --duration 25s \
  --metrics-port "$llm_port" --run-id e2e-llm >"$work/llm.log" 2>&1 & llm_pid=$!
pids+=("$llm_pid")

PROMETHEUS_GATEWAY="http://127.0.0.1:$gateway_port" java -jar "$jar" run \
  -f examples/quickstart.yaml -f "$work/overlay.yaml" --duration 20s \
  --metrics-port "$metrics_port" --run-id e2e-run >"$work/run.log" 2>&1 \
  && ok "loadtest run with live metrics (exit 0, monitor threshold passed)" \
  || { cat "$work/run.log"; bad "loadtest run"; }
query_time="$(python3 -c 'import time; print(time.time() - 3)')"

grep -q 'PASS monitor.health_score > 80' "$work/run.log" \
  && ok "monitor threshold judged" || { cat "$work/run.log"; bad "monitor threshold"; }

# The Pushgateway holds the final push under the run's grouping key.
curl -fsS "http://127.0.0.1:$gateway_port/metrics" >"$work/pushed.txt"
grep -q 'loadtest_requests_total{.*job="loadtest".*run_id="e2e-run"' "$work/pushed.txt" \
  && ok "pushgateway received the run" || { head -50 "$work/pushed.txt"; bad "pushgateway"; }

# Every expression returns data at a moment inside the run.
python3 compose/test/query.py "http://127.0.0.1:$prom_port" "$query_time" \
  <"$work/expressions.txt" && ok "every PromQL expression returned data" \
  || { tail -5 "$work/run.log"; bad "PromQL expressions"; }

open_code=0; wait "$open_pid" || open_code=$?
[[ "$open_code" -le 1 ]] && grep -q 'Generator lag' "$work/open.log" \
  && ok "open-model run beside it (exit $open_code)" || { cat "$work/open.log"; bad "open-model run"; }
llm_code=0; wait "$llm_pid" || llm_code=$?
[[ "$llm_code" -le 1 ]] && grep -q 'TTFT' "$work/llm.log" \
  && ok "streamed LLM run beside it (exit $llm_code)" || { cat "$work/llm.log"; bad "LLM run"; }

echo "e2e: $passed passed, $failed failed"
echo "$passed passed, $failed failed"
[[ "$failed" -eq 0 ]]
