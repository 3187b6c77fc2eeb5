#!/usr/bin/env bash
# Tensile's performance benchmark, in one command:
#   bash benchmarks/run.sh            the full run (about 8 minutes on 2 cores)
#   bash benchmarks/run.sh --quick    a smoke run: 4,800 samples, one timed epoch, no JMH
#
# Builds with Maven (incrementally), then runs
#   1. JMH: GFLOP/s of the matrix products of a training step, per engine (full run only);
#   2. training through fit on EJML and on the Vector API engine (-Dtensile.engine=...), a JVM
#      per workload and thread count (-Dtensile.threads=...), plus a fresh JVM per engine for
#      the time from JVM start to the end of the first epoch;
#   3. the relu+Adam workload on JDK 25 too, if it is installed;
#   4. the same workload in PyTorch (Debian's python3-torch on OpenBLAS), if it is installed.
# Writes the Markdown report to standard output and to target/bench/results.md; progress goes to
# standard error, raw results to target/bench/results.tsv, tool logs to target/bench/*.log.
# The last line of the report is the one-line summary:
#   tensile-bench relu_adam_b32_epoch_s=... pytorch_relu_adam_b32_epoch_s=... ratio=...
#   alloc_bytes_per_step=...
#
# Environment: JAVA (default: java on PATH, JDK 17 or later), JAVA25 (default: Debian's Temurin
# 25 location), PYTHON (default /usr/bin/python3, the interpreter with Debian's python3-torch).
set -euo pipefail

cd "$(dirname "$0")/.."
quick=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    -h | --help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "unknown argument '$arg'; expected --quick or nothing" >&2; exit 2 ;;
  esac
done

out=target/bench
results="$out/results.tsv"
mkdir -p "$out"
rm -f "$results" "$out"/*.log
java_cmd="${JAVA:-java}"
java25="${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
python="${PYTHON:-/usr/bin/python3}"
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
info run mode "$mode"
info run date "$(date -u +%Y-%m-%dT%H:%MZ)"
info run cpu "$(lscpu | sed -n 's/^Model name: *//p') ($(nproc) cores)"
info run load_average_before "$(cut -d' ' -f1-3 /proc/loadavg)"

if [ "$quick" = 0 ]; then
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
for engine in ejml vector; do
  train "$java_cmd" "$engine" "${workloads[@]}"
done
# The convolution chapter's CNN at batch 32 on the Vector API engine, two threads: its epochs are
# long, so two timed epochs after the warm-up one.
say "training the CNN on vector"
cnn_epochs=(--epochs 2)
if [ "$quick" = 1 ]; then cnn_epochs=(); fi
run_java "$java_cmd" "${jvm_flags[@]}" -Dtensile.engine=vector -cp "$cp" \
  dev.tensile.benchmarks.TrainingBenchmark --results "$results" --workloads cnn_adam_b32 \
  "${cnn_epochs[@]}" "${quick_flag[@]}" || true
if [ -x "$java25" ]; then
  for engine in ejml vector; do
    train "$java25" "$engine" relu_adam_b32
  done
else
  say "no JDK 25 at $java25: skipped"
fi

# The PyTorch peer, on OpenBLAS. One thread is PyTorch's fastest setting for these sizes on this
# kind of machine: with two, OpenBLAS's and OpenMP's threads contend and epochs get slower.
have_torch=0
if "$python" -c 'import torch' 2>/dev/null; then have_torch=1; fi
blas=$(dpkg -L libopenblas0-pthread 2>/dev/null | grep '/libblas\.so\.3$' | head -1 || true)
peer() { # extra arguments...
  LD_LIBRARY_PATH="${blas:+$(dirname "$blas")}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
    OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 \
    "$python" benchmarks/pytorch_peer.py --results "$results" --threads 1 "${quick_flag[@]}" "$@"
}
if [ "$have_torch" = 1 ]; then
  if [ -z "$blas" ]; then
    say "libopenblas0-pthread is not installed: PyTorch runs on the system's default BLAS"
  fi
  say "PyTorch peer"
  peer
else
  say "no PyTorch for $python (apt-get install python3-torch libopenblas0-pthread): skipped"
fi

# The headline workload twice more, Tensile and PyTorch alternating, each in a new process: the
# report gives the median of the three runs, steadier against the JIT's and the machine's moods.
if [ "$quick" = 0 ]; then
  say "relu+Adam at batch 32: two more rounds"
  for round in 1 2; do
    for java in "$java_cmd" "$java25"; do
      if [ -x "$(command -v "$java")" ]; then
        run_java "$java" "${jvm_flags[@]}" -Dtensile.engine=vector -cp "$cp" \
          dev.tensile.benchmarks.TrainingBenchmark --results "$results" \
          --workloads relu_adam_b32 --skip-extras || true
      fi
    done
    if [ "$have_torch" = 1 ]; then peer --workloads relu_adam_b32 --skip-extras; fi
  done
fi

info run load_average_after "$(cut -d' ' -f1-3 /proc/loadavg)"
"$java_cmd" -cp "$cp" dev.tensile.benchmarks.BenchReport --results "$results" \
  | tee "$out/results.md"
