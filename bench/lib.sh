#!/usr/bin/env bash
# Shared helpers of the benchmark scripts: packages, a local nginx, process measurement.
# Everything runs on 127.0.0.1 and stops by itself.
set -euo pipefail

bench_dir="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd -P "$bench_dir/.." && pwd)"
jar="${BENCH_JAR:-$root/engine/target/loadtest.jar}"
work="${BENCH_WORK:-$(mktemp -d)}"
# A load generator's JVM: a fixed, modest heap keeps RSS honest; parallel GC for throughput.
LOADTEST_JVM=(${LOADTEST_BENCH_JAVA_OPTS:--XX:+UseParallelGC -Xms96m -Xmx160m -Xss512k})

# Installs the peers and tools when missing (Debian, as root): the packages named, or all of
# them; then builds the jar when there is none.
bench_setup() {
  local missing=()
  local packages=("$@")
  [[ ${#packages[@]} -gt 0 ]] || packages=(nginx wrk python3-locust time)
  for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    echo "bench: installing ${missing[*]}" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      "${missing[@]}" </dev/null >&2
  fi
  if [[ ! -f "$jar" ]]; then
    (cd "$root" && mvn -B -q -Dmaven.test.skip=true package) >&2
  fi
}

# Starts nginx with one worker on a port, answering every path with a short body.
start_nginx() {
  local port="$1"
  mkdir -p "$work/nginx"
  cat > "$work/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 100000000;
  server {
    listen 127.0.0.1:$port;
    location / { return 200 "ok\n"; }
  }
}
CONF
  nginx -c "$work/nginx/nginx.conf" -p "$work/nginx"
  wait_for_port "$port"
}

# Stops a process: SIGTERM, then SIGKILL if it is still there after 5 s, so that a mock busy
# with thousands of connections cannot linger and skew the next measurement.
stop_process() {
  local pid="$1"
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
}

stop_nginx() {
  [[ -f "$work/nginx/nginx.pid" ]] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
}

# Waits until something listens on the port, at most 30 s.
wait_for_port() {
  local port="$1"
  for _ in $(seq 1 300); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "bench: nothing listens on port $port" >&2
  return 1
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Runs a command under GNU time; writes "cpu_seconds max_rss_mib" to the file named first.
# The figures are the last line: GNU time writes "Command exited with non-zero status N"
# above them when the command fails.
measured() {
  local into="$1"
  shift
  local status=0
  /usr/bin/time -f '%U %S %M' -o "$into.time" "$@" || status=$?
  tail -n 1 "$into.time" | awk '{printf "%.2f %.0f\n", $1 + $2, $3 / 1024}' > "$into"
  return "$status"
}

# The loadtest command with the benchmark JVM flags, for "${LOADTEST[@]}" run ...
LOADTEST=(java "${LOADTEST_JVM[@]}" -Djava.awt.headless=true -jar "$jar")
# The mock target in its own process, with room for 10,000 connections: it is the target, not
# the thing measured.
MOCK=(java -XX:+UseParallelGC -Xmx1g -jar "$jar" mock)

# Reads a value out of a JSON file: json FILE 'expression over d'.
json() {
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"
}

# The closed-model throughput spec, 64 users without think time against nginx's `/`:
# throughput_spec FILE PORT HOLD_SECONDS.
throughput_spec() {
  cat > "$1" <<SPEC
name: throughput
target: {baseUrl: "http://127.0.0.1:$2", maxConnections: 64}
load: {users: 64, hold: $3s}
scenarios:
  - name: get
    tasks:
      - {name: root, request: {path: /}}
SPEC
}

ratio() {
  python3 -c "import sys; a, b = map(float, sys.argv[1:3])
print('%.2f' % (a / b) if b else 'n/a')" "$1" "$2"
}

# CPU ticks a process has used so far: "all jit", all its threads, then its JIT compiler
# threads alone. Compiling is warm-up that ends once the hot code is compiled; on a slow host
# it can outlast the first seconds, so the steady-state figures report it apart instead of
# hiding it in the generator's own work. (A compiler thread that exits takes its ticks with
# it from the second figure only: the generator's share then errs on the high side.)
cpu_ticks() {
  python3 - "$1" <<'PY'
import glob, sys
def ticks(stat_path):
    text = open(stat_path).read()
    fields = text[text.rindex(")") + 2:].split()
    return int(fields[11]) + int(fields[12]), text[text.index("(") + 1:text.rindex(")")]
pid = sys.argv[1]
jit = 0
for path in glob.glob(f"/proc/{pid}/task/*/stat"):
    try:
        used, name = ticks(path)
    except (OSError, ValueError):
        continue
    if "CompilerThre" in name:
        jit += used
print(ticks(f"/proc/{pid}/stat")[0], jit)
PY
}
