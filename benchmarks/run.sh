#!/usr/bin/env bash
# Tensile's performance benchmark, in one command:
#   bash benchmarks/run.sh            the full run (about 25 minutes on 2 cores, peers included)
#   bash benchmarks/run.sh --quick    a smoke run under 5 minutes: 4,800 synthetic samples and the
#                                     first 12,000 real images, one round, no JMH, and only the
#                                     two fastest peers (PyTorch on 1 thread, Keras on JAX)
#   bash benchmarks/run.sh --cnn      adds the chapter-8 CNN to the peer comparison (one round,
#                                     about 8 more minutes: 13-37 s per peer epoch)
#   --rounds N                        rounds of the relu peer comparison (default 3)
#   --cnn-rounds N                    rounds of the CNN comparison, with --cnn (default 1; about 8
#                                     minutes each)
#   --peers-only                      the peer comparison alone (step 4), about 14 minutes
#
# Builds with Maven (incrementally), then runs
#   1. JMH: GFLOP/s of the matrix products of a training step, per engine (full run only);
#   2. training through fit on EJML and on the Vector API engine (-Dtensile.engine=...), a JVM
#      per workload and thread count (-Dtensile.threads=...), plus a fresh JVM per engine for
#      the time from JVM start to the end of the first epoch;
#   3. the relu+Adam workload on JDK 25 too, if it is installed;
#   4. the peer comparison on the real Fashion-MNIST (Debian's dataset-fashion-mnist), one
#      process per model, Tensile and the peers alternating round by round: relu+Adam,
#      relu+RMSprop and relu+SGD in each of N rounds, against PyTorch 2 on 1 and 2 threads and
#      Keras 3 on JAX, TensorFlow and PyTorch (benchmarks/peers.py), then torch.mm's GFLOP/s (MKL)
#      on the training shapes (full run only).
# Writes the Markdown report to standard output and to target/bench/results.md; progress goes to
# standard error, raw results to target/bench/results.tsv, tool logs to target/bench/*.log.
# The last line of the report is the one-line summary:
#   tensile-bench relu_adam_b32_epoch_s=... fastest_peer=... fastest_peer_relu_adam_b32_epoch_s=...
#   ratio=... alloc_bytes_per_step=...
#
# Environment: JAVA (default: java on PATH, JDK 17 or later), JAVA25 (default: Debian's Temurin
# 25 location), TENSILE_BENCH_PYTHON (default ~/.cache/tensile/peers-venv/bin/python): a Python
# with torch, keras, jax, jaxlib and tensorflow-cpu, made with
#   python3 -m venv ~/.cache/tensile/peers-venv
#   ~/.cache/tensile/peers-venv/bin/pip install torch keras jax jaxlib tensorflow-cpu
# Peers whose packages it lacks are skipped, each with a line saying so; a peer process still
# running after TENSILE_BENCH_PEER_TIMEOUT seconds (default 300) is stopped and reported.
set -euo pipefail

cd "$(dirname "$0")/.."
quick=0
cnn=0
peers_only=0
rounds=3
cnn_rounds=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --cnn) cnn=1 ;;
    --peers-only) peers_only=1 ;;
    --rounds | --cnn-rounds)
      flag="$1"
      shift
      if ! [[ "${1:-}" =~ ^[1-9][0-9]?$ ]]; then
        echo "$flag needs a whole number from 1 to 99, got '${1:-}'" >&2
        exit 2
      fi
      if [ "$flag" = --rounds ]; then rounds="$1"; else cnn_rounds="$1"; fi
      ;;
    -h | --help) sed -n '2,/^set -euo/{/^set -euo/!p}' "$0"; exit 0 ;;
    *)
      echo "unknown argument '$1'; expected --quick, --cnn, --peers-only, --rounds N," \
        "--cnn-rounds N or nothing" >&2
      exit 2
      ;;
  esac
  shift
done
if [ "$quick" = 1 ]; then rounds=1; fi

out=target/bench
results="$out/results.tsv"
mkdir -p "$out"
rm -f "$results" "$out"/*.log
java_cmd="${JAVA:-java}"
java25="${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
python="${TENSILE_BENCH_PYTHON:-$HOME/.cache/tensile/peers-venv/bin/python}"
jvm_flags=(--add-modules=jdk.incubator.vector -Xmx4g)
quick_flag=()
if [ "$quick" = 1 ]; then quick_flag=(--quick); fi
skipped=3 # the Java mains' exit status when the engine asked for cannot run

say() { echo "[bench] $*" >&2; }
info() { printf 'info\t%s\t%s\t%s\n' "$1" "$2" "$3" >>"$results"; }

# Runs a Java main, showing its progress lines and logging all it prints. Returns 1 if the engine
# asked for cannot run in this JVM; any other failure stops the run.
run_java() {
  local status
  set +e
  "$@" 2>&1 | tee -a "$out/java.log" | grep --line-buffered -e '^\[bench\]' -e '^skipped' >&2
  status=${PIPESTATUS[0]}
  set -e
  if [ "$status" = "$skipped" ]; then
    return 1
  elif [ "$status" != 0 ]; then
    say "failed ($status): $*"
    tail -20 "$out/java.log" >&2
    exit "$status"
  fi
}

say "building (mvn test-compile)"
if ! mvn -B -q -DskipTests test-compile >"$out/build.log" 2>&1 \
  || ! mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt" >>"$out/build.log" 2>&1; then
  cat "$out/build.log" >&2
  exit 1
fi
cp="target/test-classes:target/classes:$(cat "$out/classpath.txt")"

mode=full
if [ "$quick" = 1 ]; then mode="quick (4,800 samples, 1 timed epoch, no JMH)"; fi
if [ "$peers_only" = 1 ]; then mode="$mode, peer comparison only"; fi
info run mode "$mode"
info run date "$(date -u +%Y-%m-%dT%H:%MZ)"
info run cpu "$(lscpu | sed -n 's/^Model name: *//p') ($(nproc) cores)"
info run load_average_before "$(cut -d' ' -f1-3 /proc/loadavg)"

if [ "$quick" = 0 ] && [ "$peers_only" = 0 ]; then
  say "JMH: matrix products (about 5 minutes)"
  run_java "$java_cmd" "${jvm_flags[@]}" -cp "$cp" dev.tensile.benchmarks.KernelBenchmarks \
    --results "$results" --log-dir "$out"
fi

# Training: a JVM of its own for every workload and thread count, since the JIT compiles the
# shared code for whatever ran first; then a fresh JVM for the start-up time.
train() { # java, engine, workloads...
  local java="$1" engine="$2" workload threads
  shift 2
  say "training on $engine ($("$java" -version 2>&1 | head -1))"
  for workload in "$@"; do
    threads=(default)
    if [ "$engine" = vector ] && [ "${workload%_b32}" = "$workload" ]; then threads=(1 2); fi
    for t in "${threads[@]}"; do
      local thread_flag=()
      if [ "$t" != default ]; then thread_flag=(-Dtensile.threads="$t"); fi
      run_java "$java" "${jvm_flags[@]}" -Dtensile.engine="$engine" "${thread_flag[@]}" \
        -cp "$cp" dev.tensile.benchmarks.TrainingBenchmark --results "$results" \
        --workloads "$workload" "${quick_flag[@]}" || return 0
    done
  done
  run_java "$java" "${jvm_flags[@]}" -Dtensile.engine="$engine" \
    -Dbench.launchMillis="$(date +%s%3N)" -cp "$cp" \
    dev.tensile.benchmarks.StartupBenchmark --results "$results" "${quick_flag[@]}" || true
}
workloads=(softmax_sgd_b32 sigmoid_sgd_b32 relu_sgd_b32 relu_adam_b32 relu_adam_b128
  relu_adam_b256)
if [ "$peers_only" = 0 ]; then
  for engine in ejml vector; do
    train "$java_cmd" "$engine" "${workloads[@]}"
  done
  if [ -x "$java25" ]; then
    for engine in ejml vector; do
      train "$java25" "$engine" relu_adam_b32
    done
  else
    say "no JDK 25 at $java25: skipped"
  fi
  # The convolution chapter's CNN at batch 32 on the Vector API engine: its epochs are long, so
  # two timed epochs after the warm-up one.
  say "training the CNN on vector"
  cnn_epochs=(--epochs 2)
  if [ "$quick" = 1 ]; then cnn_epochs=(); fi
  run_java "$java_cmd" "${jvm_flags[@]}" -Dtensile.engine=vector -cp "$cp" \
    dev.tensile.benchmarks.TrainingBenchmark --results "$results" --workloads cnn_adam_b32 \
    "${cnn_epochs[@]}" "${quick_flag[@]}" || true
fi

# The peers, on the real data, one process per model, alternating with Tensile round by round.
peers=()
if [ -x "$(command -v "$python" || true)" ]; then
  if "$python" -c 'import torch' 2>/dev/null; then
    peers+=("pytorch 1" "pytorch 2")
  else
    say "no torch for $python: the PyTorch peers are skipped"
  fi
  if "$python" -c 'import keras' 2>/dev/null; then
    for backend in jax tensorflow torch; do
      module=$backend
      if "$python" -c "import $module" 2>/dev/null; then
        peers+=("keras $backend")
      else
        say "no $module for $python: the Keras on $backend peer is skipped"
      fi
    done
  else
    say "no keras for $python: the Keras peers are skipped"
  fi
else
  say "no Python at $python (set TENSILE_BENCH_PYTHON; see the top of this script): peers skipped"
fi
if [ "$quick" = 1 ]; then
  # The two fastest peers only: on a busy machine the two-thread ones can take minutes an epoch.
  quick_peers=()
  for p in "${peers[@]}"; do
    case "$p" in "pytorch 1" | "keras jax") quick_peers+=("$p") ;; esac
  done
  peers=("${quick_peers[@]}")
fi
info run peers "${peers[*]:-none}"
peer_timeout="${TENSILE_BENCH_PEER_TIMEOUT:-300}"
peer() { # "pytorch THREADS" | "keras BACKEND", then peers.py arguments; a failure is reported
  local kind="$1" flag status
  shift
  case "$kind" in
    pytorch*) flag=(--peer pytorch --threads "${kind#pytorch }") ;;
    keras*) flag=(--peer keras --backend "${kind#keras }") ;;
  esac
  set +e
  timeout "$peer_timeout" "$python" benchmarks/peers.py --results "$results" "${flag[@]}" "$@" 2>&1 \
    | tee -a "$out/peers.log" | grep --line-buffered '^\[bench\]' >&2
  status=${PIPESTATUS[0]}
  set -e
  if [ "$status" = 124 ]; then
    say "peer $kind stopped after $peer_timeout s on $*: not measured"
    info "peer_timeout" "$kind" "$* (more than $peer_timeout s)"
  elif [ "$status" != 0 ]; then
    say "peer $kind failed ($status) on $*: see $out/peers.log"
  fi
}
compare() { # workload
  local p
  run_java "$java_cmd" "${jvm_flags[@]}" -cp "$cp" dev.tensile.benchmarks.PeerComparisonBenchmark \
    --results "$results" --workloads "$1" "${quick_flag[@]}" || say "Tensile $1: skipped"
  for p in "${peers[@]}"; do
    peer "$p" --workload "$1" "${quick_flag[@]}"
  done
}
say "peer comparison on the real Fashion-MNIST: $rounds round(s)"
for round in $(seq "$rounds"); do
  compare relu_adam_b32
  if [ "$quick" = 0 ]; then
    compare relu_rmsprop_b32
    compare relu_sgd_b32
  fi
done
if [ "$quick" = 0 ]; then
  for p in "${peers[@]}"; do
    case "$p" in pytorch*) peer "$p" --gemm ;; esac
  done
fi
if [ "$cnn" = 1 ]; then
  say "the chapter-8 CNN (slow: 13-37 s per peer epoch): $cnn_rounds round(s)"
  for round in $(seq "$cnn_rounds"); do
    compare cnn_adam_b32
    # On JDK 25 the second convolution takes Winograd's F(4x4, 3x3); the ratios stay JDK 17's.
    if [ -x "$java25" ]; then
      run_java "$java25" "${jvm_flags[@]}" -cp "$cp" dev.tensile.benchmarks.PeerComparisonBenchmark \
        --results "$results" --workloads cnn_adam_b32 "${quick_flag[@]}" \
        || say "Tensile on JDK 25, cnn_adam_b32: skipped"
    fi
  done
fi

info run load_average_after "$(cut -d' ' -f1-3 /proc/loadavg)"
"$java_cmd" -cp "$cp" dev.tensile.benchmarks.BenchReport --results "$results" \
  | tee "$out/results.md"
