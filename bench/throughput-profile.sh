#!/usr/bin/env bash
# Where a request's CPU goes, loadtest beside the bare Jetty client loop it is built on
# (bench/peers/JettyLoop.java): each drives nginx with 64 connections as bench/throughput.sh
# does, and async-profiler samples its CPU for a few seconds once the warm-up is over. Prints,
# per tool, requests/s, the CPU of the window, and the CPU per request split by whose code ran:
# the tool's own (loadtest with its statistics libraries, or the loop), Jetty's, the JDK's,
# system calls, the JVM runtime, the JIT compiler, the garbage collector.
#
# When loadtest's Jetty and system-call time per request equals the loop's and its own code is
# a small rest, the Jetty client is the ceiling of the throughput loadtest can reach.
#
# async-profiler comes from Maven Central (tools.profiler:async-profiler); it samples with
# itimer, which needs no perf events (virtual machines and containers often have none).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_setup nginx unzip
port="$(free_port)"
start_nginx "$port"
trap stop_nginx EXIT
warm="${BENCH_WARM_UP:-10}"
window="${BENCH_PROFILE_SECONDS:-8}"
# Measured long enough for the profile window to start 2 s after the warm-up and end inside.
seconds=$((window + 5))

profiler_version=4.0
case "$(uname -m)" in
  x86_64) profiler_arch=linux-x64 ;;
  aarch64) profiler_arch=linux-arm64 ;;
  *) echo "bench: async-profiler has no library for $(uname -m)" >&2; exit 1 ;;
esac
profiler_jar="$HOME/.m2/repository/tools/profiler/async-profiler/$profiler_version"
profiler_jar+="/async-profiler-$profiler_version.jar"
if [[ ! -f "$profiler_jar" ]]; then
  mvn -B -q dependency:get -Dartifact="tools.profiler:async-profiler:$profiler_version" >&2
fi
unzip -o -q -d "$work/async-profiler" "$profiler_jar" "$profiler_arch/libasyncProfiler.so"
profiler="$work/async-profiler/$profiler_arch/libasyncProfiler.so"

# profile PID NAME: from 2 s after the warm-up, samples the JVM's CPU for the window; writes
# collapsed stacks to NAME.collapsed and the window's CPU ticks to NAME.ticks.
profile() {
  local pid="$1" name="$2" ticks_from ticks_to jit
  sleep $((warm + 2))
  read -r ticks_from jit < <(cpu_ticks "$pid")
  jcmd "$pid" JVMTI.agent_load "$profiler" '"start,event=itimer,interval=1ms,threads"' \
    > /dev/null
  sleep "$window"
  jcmd "$pid" JVMTI.agent_load "$profiler" "\"stop,file=$work/$name.collapsed,collapsed\"" \
    > /dev/null
  read -r ticks_to jit < <(cpu_ticks "$pid")
  echo $((ticks_to - ticks_from)) > "$work/$name.ticks"
}

throughput_spec "$work/throughput.yaml" "$port" $((seconds + warm))
javac -nowarn -cp "$jar" -d "$work/peers" "$bench_dir/peers/JettyLoop.java"

# The host's speed drifts by tens of percent within minutes: the tools take turns, so that
# each round compares runs made a minute apart.
rounds="${BENCH_ROUNDS:-2}"
rates=()
for round in $(seq 1 "$rounds"); do
  "${LOADTEST[@]}" run -f "$work/throughput.yaml" --warm-up "${warm}s" --overwrite \
    --out "$work/loadtest-$round" > "$work/loadtest-$round.out" 2>&1 &
  pid=$!
  profile "$pid" "loadtest-$round"
  wait "$pid"
  rates+=("loadtest-$round=$(json "$work/loadtest-$round/summary.json" 'd["totals"]["rps"]')")

  java "${LOADTEST_JVM[@]}" -cp "$jar:$work/peers" JettyLoop "http://127.0.0.1:$port/" 64 \
    "$seconds" "$warm" > "$work/jetty-$round.out" &
  pid=$!
  profile "$pid" "jetty-$round"
  wait "$pid"
  rates+=("jetty-$round=$(awk '/requests\/s/ {print $2}' "$work/jetty-$round.out")")
done

python3 - "$work" "$window" "$(getconf CLK_TCK)" "${rates[@]}" <<'PY'
import collections, sys

work, window, hz = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
rates = {run: float(rate) for run, rate in (arg.split("=") for arg in sys.argv[4:])}
OWNERS = ["tool's own code", "Jetty", "JDK", "system calls", "JVM runtime", "JIT compiler",
          "garbage collector"]
# The tool's own code includes the libraries it records with; the loop has only itself.
OWN_PREFIXES = ("dev/loadtest/", "org/HdrHistogram/", "tools/jackson/", "io/micrometer/",
                "JettyLoop")
SYSTEM_CALLS = {"read", "write", "writev", "readv", "send", "recv", "epoll_wait",
                "epoll_ctl", "[vdso]"}

def owner(frames):
    thread, leaf = frames[0], frames[-1]
    if "CompilerThre" in thread:
        return "JIT compiler"
    if "GC Thread" in thread or "VM Thread" in thread:
        return "garbage collector"
    if leaf in SYSTEM_CALLS or leaf.startswith("__GI_") or "epoll" in leaf:
        return "system calls"
    if "::" in leaf or "/" not in leaf:
        return "JVM runtime"
    for frame in reversed(frames[1:]):
        if frame.startswith(OWN_PREFIXES):
            return "tool's own code"
        if frame.startswith("org/eclipse/jetty/"):
            return "Jetty"
    return "JDK"

columns = {}
for run, rate in rates.items():
    samples = collections.Counter()
    for line in open(f"{work}/{run}.collapsed"):
        stack, count = line.rsplit(" ", 1)
        samples[owner(stack.split(";"))] += int(count)
    total = sum(samples.values())
    cpu = int(open(f"{work}/{run}.ticks").read()) / hz
    column = {name: cpu * samples[name] / total / (rate * window) * 1e6 for name in OWNERS}
    column["total"] = sum(column.values())
    columns[run] = (rate, cpu, column)

print(f"profile window: {window:.0f} s after the warm-up; requests in it estimated from each"
      " run's measured rate; the Jetty loop is 'jetty'")
row = "{:24}" + " {:>12}" * len(columns)
print(row.format("", *columns))
print(row.format("requests/s", *(f"{rate:,.0f}" for rate, _, _ in columns.values())))
print(row.format("CPU-s in the window", *(f"{cpu:.2f}" for _, cpu, _ in columns.values())))
print("CPU per request, µs:")
for name in OWNERS + ["total"]:
    print(row.format("  " + name, *(f"{c[name]:.1f}" for _, _, c in columns.values())))
PY
