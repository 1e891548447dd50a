#!/usr/bin/env bash
# Runs every load-model benchmark in turn on this machine; about six minutes.
set -euo pipefail
dir="$(dirname "${BASH_SOURCE[0]}")"
for bench in throughput accuracy rate scale; do
  echo "== $bench"
  bash "$dir/$bench.sh"
done
