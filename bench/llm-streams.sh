#!/usr/bin/env bash
# Streamed LLM answers at scale: 10,000 concurrent SSE streams of 100 content events, 100 ms
# apart (10 tokens/s, TTFT 100 ms), for 40 s, from the built-in mock running in its own JVM
# (`loadtest mock`), so that client and server each have their own 20,000 open files.
#
# loadtest records TTFT, every inter-token gap, tokens and cost of every stream; wrk, the
# peer, reads the same responses whole without parsing events. Prints, per tool, streams
# completed, tokens streamed, CPU seconds, CPU milliseconds per stream (per 100 tokens
# streamed) and peak RSS, and the mock's CPU; for loadtest also its steady part, with the JIT
# compiler's share apart.
#
# Needs root for sysctl (the listener's backlog); restores the values at the end.
# 10,000 open streams keep about 93 MB live, most of it Jetty's connections and exchanges;
# each stream's answer lives 10 s, so the old generation fills with ended exchanges. The serial
# collector with a fixed 168 MB heap and a 40 MB young generation runs three full collections
# in a run; left to size itself, or with parallel GC, it ran one every two seconds
# (docs/performance-llm.md has the figures).
: "${LOADTEST_BENCH_JAVA_OPTS:=-XX:+UseSerialGC -Xms168m -Xmx168m -Xmn40m -Xss512k}"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_setup
ulimit -n 20000
streams="${BENCH_STREAMS:-10000}"
seconds="${BENCH_SECONDS:-40}"
ramp_per_second="${BENCH_RAMP:-2500}"
port="$(free_port)"

# 10,000 connects in a few seconds overflow the default accept queue.
old_somaxconn="$(sysctl -n net.core.somaxconn)"
old_syn_backlog="$(sysctl -n net.ipv4.tcp_max_syn_backlog)"
restore() {
  sysctl -q -w net.core.somaxconn="$old_somaxconn" \
    net.ipv4.tcp_max_syn_backlog="$old_syn_backlog" || true
  [[ -n "${mock_pid:-}" ]] && kill "$mock_pid" 2>/dev/null || true
}
trap restore EXIT
sysctl -q -w net.core.somaxconn=16384 net.ipv4.tcp_max_syn_backlog=16384 || true

# The mock: its own JVM; 100 tokens at 10 tokens/s after a 100 ms TTFT.
tokens_per_stream=100
start_mock() {
  java -XX:+UseParallelGC -Xmx512m -jar "$jar" mock --port "$port" --ttft 100ms \
    --tokens-per-second 10 --output-tokens "$tokens_per_stream" --model bench-model \
    > "$work/mock.out" 2>&1 &
  mock_pid=$!
  wait_for_port "$port"
}
# Tokens the mock has written into streams so far, from its own /metrics.
mock_streamed_tokens() {
  python3 - "$port" <<'PY'
import sys, urllib.request
text = urllib.request.urlopen("http://127.0.0.1:%s/metrics" % sys.argv[1]).read().decode()
print(next(int(float(line.split()[1])) for line in text.splitlines()
           if line.startswith("mock_streamed_tokens_total ")))
PY
}
mock_cpu_seconds() {
  awk '{printf "%.2f\n", ($14 + $15) / '"$(getconf CLK_TCK)"'}' "/proc/$mock_pid/stat"
}

# loadtest: one user per stream, each asking again as soon as its answer ends.
start_mock
cat > "$work/llm-streams.yaml" <<SPEC
name: llm-streams
target: {baseUrl: "http://127.0.0.1:$port", maxConnections: $streams, requestTimeout: 1m}
llm:
  models:
    bench-model: {inputPerMillion: 0.15, outputPerMillion: 0.60}
load: {users: $streams, rampUp: $ramp_per_second, hold: ${seconds}s}
scenarios:
  - name: stream
    tasks:
      - name: ask
        request:
          name: chat stream
          method: POST
          path: /v1/chat/completions
          stream: sse
          json:
            model: bench-model
            stream: true
            stream_options: {include_usage: true}
            messages: [{role: user, content: "Tell me a story."}]
SPEC
mock_before="$(mock_cpu_seconds)"
measured "$work/loadtest.m" "${LOADTEST[@]}" run -f "$work/llm-streams.yaml" \
  --overwrite --out "$work/loadtest-out" > "$work/loadtest.out" 2>&1 &
time_pid=$!
# The steady part: from the end of the first round of streams (ramp + 10 s) to 5 s before
# the end, so that JVM start, JIT warm-up and report writing are left out of this figure.
# Its work is counted in tokens the mock streamed, not in streams that ended: streams end in
# waves (all users start within the ramp), so a window catches one wave or two.
ramp_seconds=$(( (streams + ramp_per_second - 1) / ramp_per_second ))
lt_pid=""
until [[ -n "$lt_pid" ]]; do
  sleep 0.1
  lt_pid="$(pgrep -n -f "^java .*$work/llm-streams.yaml" || true)"
done
sleep $((ramp_seconds + 10))
steady_from="$(date +%s)"
read -r ticks_from jit_from < <(cpu_ticks "$lt_pid")
tokens_from="$(mock_streamed_tokens)"
sleep $((seconds - 15))
steady_to="$(date +%s)"
read -r ticks_to jit_to < <(cpu_ticks "$lt_pid")
tokens_to="$(mock_streamed_tokens)"
wait "$time_pid" || true
mock_loadtest_cpu="$(python3 -c "print('%.2f' % ($(mock_cpu_seconds) - $mock_before))")"
lt_tokens="$(mock_streamed_tokens)"
lt_streams="$(json "$work/loadtest-out/summary.json" 'd["llm"]["totals"]["answers"]')"
lt_failures="$(json "$work/loadtest-out/summary.json" 'd["totals"]["failures"]')"
lt_gaps="$(json "$work/loadtest-out/summary.json" 'd["llm"]["totals"]["itlMs"]["count"]')"
lt_ttft="$(json "$work/loadtest-out/summary.json" 'd["llm"]["totals"]["ttftMs"]["p50"]')"
lt_itl="$(json "$work/loadtest-out/summary.json" 'd["llm"]["totals"]["itlMs"]["p99"]')"
steady_cpu="$(python3 -c "print('%.2f' % (($ticks_to - $ticks_from) / $(getconf CLK_TCK)))")"
steady_jit="$(python3 -c "print('%.2f' % (($jit_to - $jit_from) / $(getconf CLK_TCK)))")"
kill "$mock_pid"; wait "$mock_pid" 2>/dev/null || true

# wrk: the same POST on as many connections, one thread, whole responses, no event parsing.
start_mock
cat > "$work/chat.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"model":"bench-model","stream":true,"stream_options":{"include_usage":true},'
  .. '"messages":[{"role":"user","content":"Tell me a story."}]}'
LUA
wrk_seconds=$((seconds + streams / ramp_per_second))
mock_before="$(mock_cpu_seconds)"
measured "$work/wrk.m" wrk -t1 -c"$streams" -d"${wrk_seconds}s" --timeout 60s \
  -s "$work/chat.lua" "http://127.0.0.1:$port/v1/chat/completions" > "$work/wrk.out" 2>&1 || true
mock_wrk_cpu="$(python3 -c "print('%.2f' % ($(mock_cpu_seconds) - $mock_before))")"
wrk_tokens="$(mock_streamed_tokens)"
wrk_streams="$(awk '/requests in/ {print $1}' "$work/wrk.out")"

# CPU per stream is CPU per 100 tokens streamed (one whole stream's worth), so that streams
# still open at the end, or ending in waves, count for the part that was sent.
per_stream() {
  python3 -c "print('%.3f' % ($1 * 1000 * $tokens_per_stream / max(1, $2)))"
}
row='%-10s %10s %11s %9s %8s %14s %9s %12s\n'
printf "$row" tool streams tokens failures 'cpu s' 'cpu ms/stream' 'rss MiB' 'mock cpu s'
read -r cpu rss < "$work/loadtest.m"
printf "$row" loadtest "$lt_streams" "$lt_tokens" "$lt_failures" "$cpu" \
  "$(per_stream "$cpu" "$lt_tokens")" "$rss" "$mock_loadtest_cpu"
read -r cpu rss < "$work/wrk.m"
printf "$row" wrk "${wrk_streams:-0}" "$wrk_tokens" '-' "$cpu" \
  "$(per_stream "$cpu" "$wrk_tokens")" "$rss" "$mock_wrk_cpu"
echo "(streams: answers completed; cpu ms/stream: per $tokens_per_stream tokens streamed)"
echo "loadtest recorded $lt_gaps inter-token gaps; TTFT p50 $lt_ttft ms, ITL p99 $lt_itl ms"
echo "(loadtest's CPU above includes JVM start, ramp-up and report writing; files in $work)"
steady_tokens=$((tokens_to - tokens_from))
echo "loadtest steady part ($((steady_to - steady_from)) s): $steady_tokens tokens," \
  "$steady_cpu cpu s, $(per_stream "$steady_cpu" "$steady_tokens") cpu ms/stream;" \
  "of which JIT compiler $steady_jit cpu s, the rest" \
  "$(per_stream "$(python3 -c "print($steady_cpu - $steady_jit)")" "$steady_tokens") cpu ms/stream"
