#!/usr/bin/env bash
# Throughput, closed model: 64 connections for 15 s against nginx (one worker) on loopback.
# Runs wrk, loadtest, a bare Jetty client loop and Locust (FastHttpUser) in turn and prints
# requests/s, CPU, requests per CPU-second, peak RSS, and loadtest's ratios to each. The Jetty
# loop is the library loadtest sends with, without anything else: the ceiling of this design.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_setup
port="$(free_port)"
start_nginx "$port"
trap stop_nginx EXIT
seconds="${BENCH_SECONDS:-15}"
# JIT compilation must be over before the window opens: on a slow 2-core host the compiler
# thread of either JVM stayed busy for about 10 s of load (JFR compilation events).
warm="${BENCH_WARM_UP:-10}"

# wrk: one thread (the nginx worker is the other core's limit).
measured "$work/wrk.m" wrk -t1 -c64 -d"${seconds}s" "http://127.0.0.1:$port/" > "$work/wrk.out"
wrk_rps="$(awk '/Requests\/sec/ {print $2}' "$work/wrk.out")"

# loadtest: 64 users without think time; the warm-up is run and left out of the figures.
throughput_spec "$work/throughput.yaml" "$port" $((seconds + warm))
measured "$work/loadtest.m" "${LOADTEST[@]}" run -f "$work/throughput.yaml" --warm-up "${warm}s" \
  --overwrite --out "$work/loadtest-out" > "$work/loadtest.out"
lt_rps="$(json "$work/loadtest-out/summary.json" 'd["totals"]["rps"]')"

# A bare Jetty client loop (bench/peers/JettyLoop.java), same JVM flags, same warm-up.
# Compiled first, so that its CPU figure holds no compiler.
javac -nowarn -cp "$jar" -d "$work/peers" "$bench_dir/peers/JettyLoop.java"
measured "$work/jetty.m" java "${LOADTEST_JVM[@]}" -cp "$jar:$work/peers" JettyLoop \
  "http://127.0.0.1:$port/" 64 "$seconds" "$warm" > "$work/jetty.out"
jetty_rps="$(awk '/requests\/s/ {print $2}' "$work/jetty.out")"

# Locust: one process, FastHttpUser, 64 users spawned at once.
cat > "$work/locustfile.py" <<PY
from locust import FastHttpUser, task

class Root(FastHttpUser):
    @task
    def root(self):
        self.client.get("/")
PY
measured "$work/locust.m" locust -f "$work/locustfile.py" --headless -u 64 -r 64 \
  -t "${seconds}s" --host "http://127.0.0.1:$port" --csv "$work/locust" --only-summary \
  > "$work/locust.out" 2>&1 || true
locust_rps="$(python3 -c "
import csv
for row in csv.DictReader(open('$work/locust_stats.csv')):
    if row['Name'] == 'Aggregated': print(row['Requests/s'])")"

printf '%-10s %12s %10s %16s %10s\n' tool 'requests/s' 'cpu s' 'req per cpu-s' 'rss MiB'
for tool in wrk loadtest jetty locust; do
  read -r cpu rss < "$work/$tool.m"
  case $tool in
    wrk) rps=$wrk_rps;; loadtest) rps=$lt_rps;; jetty) rps=$jetty_rps;; locust) rps=$locust_rps;;
  esac
  # The JVMs' CPU includes their warm-up; their requests per CPU-second count those too (an
  # estimate: the warm-up's rate is taken to be the measured one).
  total_s=$seconds; [[ $tool == loadtest || $tool == jetty ]] && total_s=$((seconds + warm))
  per_cpu="$(python3 -c "print('%.0f' % ($rps * $total_s / $cpu))")"
  printf '%-10s %12.0f %10s %16s %10s\n' "$tool" "$rps" "$cpu" "$per_cpu" "$rss"
done
echo "loadtest / wrk:    $(ratio "$lt_rps" "$wrk_rps")"
echo "loadtest / jetty:  $(ratio "$lt_rps" "$jetty_rps")"
echo "loadtest / locust: $(ratio "$lt_rps" "$locust_rps")"
