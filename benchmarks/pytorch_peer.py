"""The Tensile training benchmark's workload in PyTorch, for comparison in the same run.

Same models, settings and data shape as dev.tensile.benchmarks.TrainingBenchmark: 48,000
synthetic 28x28 images in [0, 1] with labels 0..9 (seeded; each image is 0.1 * its class
template + 0.9 * uniform noise), Glorot-uniform kernels and zero biases, softmax outputs trained
with the sparse categorical crossentropy from the logits, SGD lr 0.01, Adam with Keras's epsilon
1e-7, RMSprop with rho 0.9 and epsilon 1e-7 available. Every epoch is shuffled, and the loss and
accuracy are read every step, as Keras's fit does. Seconds per epoch are the median of the timed
epochs after one warm-up epoch.

Results are appended to a file as tab-separated lines: metric, variant, item, value.

Run it with the system Python that has Debian's python3-torch, pointed at OpenBLAS:
    LD_LIBRARY_PATH=<openblas-pthread dir> OPENBLAS_NUM_THREADS=1 \
        /usr/bin/python3 benchmarks/pytorch_peer.py --results results.tsv [--quick]
"""

import argparse
import os
import statistics
import sys
import time

import numpy as np
import torch
from torch import nn

SEED = 1234
SIDE = 28
CLASSES = 10
TRAIN_SAMPLES = 48_000
TEMPLATE_WEIGHT = 0.1
TUTORIAL = [("softmax", "sgd", 32), ("sigmoid", "sgd", 32), ("relu", "sgd", 32),
            ("relu", "adam", 32)]
LARGE_BATCHES = [("relu", "adam", 128), ("relu", "adam", 256)]


def say(line):
    """Prints a progress line on standard error, as the Java mains do."""
    print("[bench] " + line, file=sys.stderr, flush=True)


def synthetic_images(n, seed):
    """n images (n, 28, 28) of 0.1 * class template + 0.9 * uniform noise, and int64 labels."""
    rng = np.random.default_rng(seed)
    templates = rng.random((CLASSES, SIDE, SIDE), dtype=np.float32)
    labels = rng.integers(0, CLASSES, size=n)
    noise = rng.random((n, SIDE, SIDE), dtype=np.float32)
    images = TEMPLATE_WEIGHT * templates[labels] + (1 - TEMPLATE_WEIGHT) * noise
    return torch.from_numpy(images.astype(np.float32)), torch.from_numpy(labels.astype(np.int64))


def build_model(kind):
    """The tutorial's models; the softmax lives in the loss, which takes logits."""
    if kind == "softmax":
        layers = [nn.Linear(784, 10)]
    elif kind == "sigmoid":
        layers = [nn.Linear(784, 100), nn.Sigmoid(), nn.Linear(100, 10)]
    elif kind == "relu":
        layers = [nn.Flatten(), nn.Linear(784, 100), nn.ReLU(), nn.Linear(100, 10)]
    else:
        raise ValueError(f"unknown model {kind!r}: expected softmax, sigmoid or relu")
    model = nn.Sequential(*layers)
    for layer in model:
        if isinstance(layer, nn.Linear):
            nn.init.xavier_uniform_(layer.weight)
            nn.init.zeros_(layer.bias)
    return model


def build_optimizer(name, params):
    """Keras's defaults for each optimizer."""
    if name == "sgd":
        return torch.optim.SGD(params, lr=0.01)
    if name == "adam":
        return torch.optim.Adam(params, lr=0.001, betas=(0.9, 0.999), eps=1e-7)
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=0.001, alpha=0.9, eps=1e-7)
    raise ValueError(f"unknown optimizer {name!r}: expected sgd, adam or rmsprop")


def train_epoch(model, optimizer, loss_fn, x, y, batch, generator):
    """One shuffled epoch; returns its accuracy. Loss and accuracy are read every step."""
    n = x.shape[0]
    order = torch.randperm(n, generator=generator)
    loss_total = 0.0
    correct = 0
    for start in range(0, n, batch):
        index = order[start:start + batch]
        xb = x[index]
        yb = y[index]
        optimizer.zero_grad()
        logits = model(xb)
        loss = loss_fn(logits, yb)
        loss.backward()
        optimizer.step()
        loss_total += loss.item() * len(index)
        correct += (logits.detach().argmax(1) == yb).sum().item()
    return correct / n


def time_epochs(kind, opt_name, batch, x, y, timed):
    """Median seconds per epoch over the timed epochs after one warm-up epoch, and the accuracy."""
    torch.manual_seed(SEED)
    model = build_model(kind)
    optimizer = build_optimizer(opt_name, model.parameters())
    loss_fn = nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(SEED)
    inputs = x if kind == "relu" else x.reshape(-1, 784)
    seconds = []
    accuracy = 0.0
    for epoch in range(1 + timed):
        start = time.perf_counter()
        accuracy = train_epoch(model, optimizer, loss_fn, inputs, y, batch, generator)
        if epoch > 0:
            seconds.append(time.perf_counter() - start)
    return statistics.median(seconds), accuracy, model


def predict_per_second(model, x, batch=32):
    """Samples per second of inference in batches, median of 3 runs after a warm-up run."""
    out = torch.empty((x.shape[0], CLASSES))
    seconds = []
    with torch.inference_mode():
        for run in range(4):
            start = time.perf_counter()
            for i in range(0, x.shape[0], batch):
                out[i:i + batch] = torch.softmax(model(x[i:i + batch]), dim=1)
            if run > 0:
                seconds.append(time.perf_counter() - start)
    return x.shape[0] / statistics.median(seconds)


def matmul_gflops(m, k, n, seconds=1.0):
    """GFLOP/s of torch.mm on an m x k by k x n product, timed for about `seconds`."""
    a = torch.rand(m, k)
    b = torch.rand(k, n)
    c = torch.empty(m, n)
    torch.mm(a, b, out=c)
    calls = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        torch.mm(a, b, out=c)
        calls += 1
    return 2.0 * m * k * n * calls / (time.perf_counter() - start) / 1e9


def blas_library():
    """The file this process loaded as libblas.so.3, whose sgemm_ PyTorch's products call."""
    torch.mm(torch.rand(64, 64), torch.rand(64, 64))
    with open("/proc/self/maps", encoding="utf-8") as maps:
        paths = {line.split()[-1] for line in maps if "/" in line}
    blas = sorted(os.path.realpath(path) for path in paths
                  if os.path.basename(path).startswith("libblas.so"))
    if not blas:
        return "no libblas.so mapped"
    kind = "OpenBLAS" if "openblas" in blas[0] else "reference BLAS" if "/blas/" in blas[0] else "?"
    return f"{kind} ({', '.join(blas)})"


def append(results, rows):
    with open(results, "a", encoding="utf-8") as out:
        for metric, variant, item, value in rows:
            out.write(f"{metric}\t{variant}\t{item}\t{value}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", required=True, help="results file, appended to")
    parser.add_argument("--quick", action="store_true", help="4,800 samples, one timed epoch")
    parser.add_argument("--threads", type=int, default=1, help="torch.set_num_threads")
    parser.add_argument("--epochs", type=int, default=5, help="timed epochs after the warm-up")
    parser.add_argument("--workloads", default="all", help="comma-separated names, or all")
    parser.add_argument("--skip-extras", action="store_true", help="no prediction or GEMM runs")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    variant = "pytorch"
    samples = TRAIN_SAMPLES // 10 if args.quick else TRAIN_SAMPLES
    timed = 1 if args.quick else args.epochs
    x, y = synthetic_images(samples, SEED)
    wanted = args.workloads.split(",")
    facts = [("info", variant, "threads",
              f"torch {torch.get_num_threads()}, "
              f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}")]
    if not args.skip_extras:
        facts = [("info", variant, "version", torch.__version__),
                 ("info", variant, "blas", blas_library())] + facts
    append(args.results, facts)
    relu_adam = None
    for kind, opt_name, batch in TUTORIAL + LARGE_BATCHES:
        name = f"{kind}_{opt_name}_b{batch}"
        if "all" not in wanted and name not in wanted:
            continue
        item = name if batch == 32 else f"{name}_t{args.threads}"
        median, accuracy, model = time_epochs(kind, opt_name, batch, x, y, timed)
        append(args.results, [("epoch_s", variant, item, median),
                              ("accuracy", variant, item, accuracy)])
        say(f"{variant} {item}: {median:.3f} s/epoch (median of {timed}), accuracy {accuracy:.3f}")
        if name == "relu_adam_b32":
            relu_adam = model
    if relu_adam is not None and not args.skip_extras:
        per_second = predict_per_second(relu_adam, x)
        append(args.results, [("predict_per_s", variant, "relu_b32", per_second)])
        say(f"{variant} predict: {per_second:.0f} samples/s")
        for m, k, n in [(32, 784, 100), (1024, 1024, 1024)]:
            shape = f"mult {m}x{k}x{n}"
            gflops = matmul_gflops(m, k, n)
            append(args.results, [("gflops", f"pytorch:{args.threads}", shape, gflops)])
            say(f"pytorch:{args.threads} {shape}: {gflops:.2f} GFLOP/s")


if __name__ == "__main__":
    main()
