#!/usr/bin/env bash
# Re-rendering a long run: writes the saved results of a one-hour run with 50 request names
# (3,600 one-second intervals, about 430 requests/s, one request in 500 slow) through the
# classes a real run saves with, then times `loadtest report --from` on them. Prints per round
# the wall time, CPU seconds and peak RSS (GNU time) and the size of report.html. Nothing goes
# over the network. BENCH_BASELINE_JAR=/path/to/other/loadtest.jar times that build too, on the
# same files, for a before/after ratio.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_setup time
seconds="${BENCH_SECONDS:-3600}"
names="${BENCH_NAMES:-50}"
busiest="${BENCH_BUSIEST_PER_SECOND:-100}"
rounds="${BENCH_ROUNDS:-2}"
baseline="${BENCH_BASELINE_JAR:-}"

echo "bench: writing a ${seconds}-interval run with $names request names into $work/run" >&2
java -XX:+UseParallelGC -cp "$jar" dev.loadtest.report.SyntheticRun "$work/run" "$seconds" \
  "$names" "$busiest" 1
log_mib="$(du -m "$work/run/latency.hlog" | cut -f1)"

# One timed `report --from`; prints "wall cpu rss_mib html_kib". Exit 1 (a threshold of the
# synthetic run fails) is a rendered report; anything else is an error.
render() {
  local with_jar="$1" name="$2"
  local out="$work/$name"
  rm -rf "$out"
  local started ended
  started="$(date +%s.%N)"
  measured "$work/$name.m" java "${LOADTEST_JVM[@]}" -Djava.awt.headless=true -jar "$with_jar" \
    report --from "$work/run" --out "$out" > "$work/$name.out" 2>&1 || true
  ended="$(date +%s.%N)"
  if ! grep -q '^RESULT:' "$work/$name.out"; then
    echo "bench: report --from failed, see $work/$name.out" >&2
    cat "$work/$name.out" >&2
    return 1
  fi
  local wall html_kib
  wall="$(python3 -c "import sys; print('%.2f' % (float(sys.argv[2]) - float(sys.argv[1])))" \
    "$started" "$ended")"
  html_kib="$(( $(stat -c %s "$out/report.html") / 1024 ))"
  echo "$wall $(cat "$work/$name.m") $html_kib"
}

jars=("loadtest:$jar")
[[ -n "$baseline" ]] && jars+=("baseline:$baseline")
printf '%-9s %5s %8s %7s %13s %16s\n' build round "wall s" "CPU s" "peak RSS MiB" \
  "report.html KiB"
for entry in "${jars[@]}"; do
  label="${entry%%:*}"
  for round in $(seq 1 "$rounds"); do
    figures="$(render "${entry#*:}" "$label-$round")"
    read -r wall cpu rss html_kib <<< "$figures"
    printf '%-9s %5s %8s %7s %13s %16s\n' "$label" "$round" "$wall" "$cpu" "$rss" "$html_kib"
  done
done
echo "($seconds intervals x $names names, latency.hlog $log_mib MiB; JVM: ${LOADTEST_JVM[*]};"\
  "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
