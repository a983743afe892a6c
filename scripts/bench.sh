#!/usr/bin/env bash
# Runs the benchmarks and prints one JSON object per measurement, then the ratios against the peers.
#
#   scripts/bench.sh             training throughput (OpenBLAS on 1 and 2 threads), the PyTorch and
#                                numpy peers, the dgemm ceiling and heap per trainer: about 10 minutes
#   scripts/bench.sh streaming   frame size and time for 64 x 1,024 units, 1,000 viewers, 50 sessions,
#                                and a soak of SOAK_SECONDS (default 600)
#   scripts/bench.sh page        the page's frame time and heap in headless Chromium
#
# PEERS_DIR points at the peer scripts (default: ../shared/peers beside the repository). Debian's numpy
# and PyTorch use whatever libblas.so.3 the system provides, which may be the slow reference BLAS; set
# PEER_OPENBLAS_DIR to a folder holding OpenBLAS's libblas.so.3 (for example the openblas-pthread folder
# of the libopenblas0-pthread package) to run the peers a second time on OpenBLAS. Results are also
# written to target/bench/<mode>-<time>.jsonl. Close other heavy programs first: the harness drops
# epochs during which other processes used more than MAX_FOREIGN cores (default 0.1).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-training}"
peers="${PEERS_DIR:-$(cd .. && pwd)/shared/peers}"
mkdir -p target/bench
results="target/bench/${mode}-$(date -u +%Y%m%dT%H%M%SZ).jsonl"

machine() {
  local cpu jdk
  cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  jdk="$(java -version 2>&1 | head -1 | tr -d '"')"
  printf '{"machine": {"nproc": %s, "cpu": "%s", "jdk": "%s", "openblas": "0.3.26 (bytedeco openblas 0.3.26-1.5.10, bundled by Smile)", "uptime": "%s"}}\n' \
    "$(nproc)" "$cpu" "$jdk" "$(uptime | sed 's/^ *//')"
}

bench() {   # bench THREADS ARGS... : runs BenchMain with OPENBLAS_NUM_THREADS=THREADS
  local threads="$1"; shift
  OPENBLAS_NUM_THREADS="$threads" mvn -B -ntp -q -Dstyle.color=never -Pbench exec:exec \
    -Dbench.jvmArgs="${BENCH_JVM_ARGS:--Xmx4g}" -Dbench.args="$*" | sed 's/\x1b\[[0-9;]*m//g' | grep '^{'
}

peers() {   # peers LABEL : runs the peer scripts, adding "peer_blas": LABEL to every line
  (cd "$peers" && OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 bench_torch.py --threads 2 --dtypes float64) | label "$1"
  (cd "$peers" && /usr/bin/python3 bench_numpy.py --dtypes float64) | label "$1"
  (cd "$peers" && OPENBLAS_NUM_THREADS=1 /usr/bin/python3 matmul_gflops.py numpy) | label "$1"
  (cd "$peers" && OPENBLAS_NUM_THREADS=2 /usr/bin/python3 matmul_gflops.py numpy) | label "$1"
}

label() {
  sed "s/^{/{\"peer_blas\": \"$1\", /"
}

run_training() {
  bench 1 training a,b
  bench 2 training a,b
  bench 1 memory a,b
  bench 1 ceiling
  bench 2 ceiling
  if [ -n "${PEER_OPENBLAS_DIR:-}" ]; then
    LD_LIBRARY_PATH="$PEER_OPENBLAS_DIR" peers openblas
  fi
  if [ -z "${SKIP_SYSTEM_BLAS_PEERS:-}" ]; then
    peers system
  fi
}

run_streaming() {
  bench 1 frame
  bench 1 viewers 1000 60 5
  bench 1 sessions 50 30
  bench 1 soak "${SOAK_SECONDS:-600}" 10 10
}

run_page() {
  bench 1 page 64 10000 50
}

mvn -B -ntp -q -Dstyle.color=never -Pbench test-compile >&2
{
  machine
  case "$mode" in
    training) run_training ;;
    streaming) run_streaming ;;
    page) run_page ;;
    *) echo "unknown mode '$mode': use training, streaming or page" >&2; exit 2 ;;
  esac
  printf '{"uptime_after": "%s"}\n' "$(uptime | sed 's/^ *//')"
} | tee "$results"

if [ "$mode" = training ]; then
  /usr/bin/python3 scripts/bench_ratios.py "$results"
fi
