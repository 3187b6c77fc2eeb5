"""Tensile's peers in Python, for the comparison in the same run: PyTorch 2 and Keras 3.

One process per model, as the benchmark runs it:

    python benchmarks/peers.py --peer pytorch --threads 1 --workload relu_adam_b32 --results r.tsv
    python benchmarks/peers.py --peer keras --backend jax --workload relu_adam_b32 --results r.tsv
    python benchmarks/peers.py --peer pytorch --threads 2 --gemm --results r.tsv

Workloads, all on the real Fashion-MNIST training set (60,000 images scaled to [0, 1]; the first
12,000 with --quick) at batch 32, sparse categorical crossentropy, Keras's default optimizer
settings (Adam and RMSprop with epsilon 1e-7, SGD with learning rate 0.01):
  relu_<optimizer>_b32   Input(28, 28), Flatten, Dense(100, relu), Dense(10, softmax)
  cnn_adam_b32           Input(28, 28, 1), Conv2D(32, 3, relu, same), MaxPooling2D(2),
                         Conv2D(64, 3, relu, same), MaxPooling2D(2), Flatten, Dense(100, relu),
                         Dropout(0.4), Dense(10, softmax)
Three epochs, each shuffled, loss and accuracy computed every step (as Keras's fit does); the
seconds per epoch are the median of epochs 2 and 3, so the first epoch's compilation (JAX, XLA,
TensorFlow's graph) is left out. PyTorch's loop is the idiomatic one, with the softmax in the
loss. --gemm times torch.mm instead (MKL on x86 wheels) on the training step's product shapes
and 1024^3.

Results are appended as tab-separated lines: metric, variant, item, value. Variants:
pytorch-t1, pytorch-t2 (torch.set_num_threads), keras-jax, keras-tensorflow, keras-torch (each
backend with its own default threads).
"""

import argparse
import gzip
import os
import statistics
import sys
import time

import numpy as np

EPOCHS = 3
BATCH = 32
QUICK_SAMPLES = 12_000
SEED = 1234
DEFAULT_DATA = "/usr/share/datasets/fashion-mnist"
# Named as Tensile's JMH benchmark names them: op m x k x n, multTransA taking A as k x m.
GEMM_SHAPES = [("mult", 32, 784, 100), ("multTransA", 784, 32, 100), ("mult", 32, 100, 10),
               ("mult", 1024, 1024, 1024)]


def say(line):
    """Prints a progress line on standard error, as the Java mains do."""
    print("[bench] " + line, file=sys.stderr, flush=True)


def append(results, rows):
    with open(results, "a", encoding="utf-8") as out:
        for metric, variant, item, value in rows:
            out.write(f"{metric}\t{variant}\t{item}\t{value}\n")


def read_idx(path):
    """An IDX file's array (the format of MNIST and Fashion-MNIST), gzipped or not."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load_training_set(directory, quick):
    images = read_idx(os.path.join(directory, "train-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(directory, "train-labels-idx1-ubyte.gz"))
    if quick:
        images, labels = images[:QUICK_SAMPLES], labels[:QUICK_SAMPLES]
    return (images.astype(np.float32) / 255.0), labels.astype(np.int64)


def parse_workload(name):
    model, optimizer, batch = name.split("_")
    if model not in ("relu", "cnn") or optimizer not in ("adam", "rmsprop", "sgd") \
            or batch != f"b{BATCH}":
        raise SystemExit(f"unknown workload {name!r}: expected relu_<adam|rmsprop|sgd>_b32 "
                         "or cnn_adam_b32")
    return model, optimizer


# ---- PyTorch ---------------------------------------------------------------------------------

def torch_model(kind):
    import torch
    from torch import nn
    if kind == "relu":
        layers = [nn.Flatten(), nn.Linear(784, 100), nn.ReLU(), nn.Linear(100, 10)]
    else:
        layers = [nn.Conv2d(1, 32, 3, padding="same"), nn.ReLU(), nn.MaxPool2d(2),
                  nn.Conv2d(32, 64, 3, padding="same"), nn.ReLU(), nn.MaxPool2d(2),
                  nn.Flatten(), nn.Linear(64 * 7 * 7, 100), nn.ReLU(), nn.Dropout(0.4),
                  nn.Linear(100, 10)]
    model = nn.Sequential(*layers)
    for layer in model:
        if isinstance(layer, (nn.Linear, nn.Conv2d)):
            nn.init.xavier_uniform_(layer.weight)
            nn.init.zeros_(layer.bias)
    return model


def torch_optimizer(name, params):
    import torch
    if name == "sgd":
        return torch.optim.SGD(params, lr=0.01)
    if name == "adam":
        return torch.optim.Adam(params, lr=0.001, betas=(0.9, 0.999), eps=1e-7)
    return torch.optim.RMSprop(params, lr=0.001, alpha=0.9, eps=1e-7)


def run_pytorch(kind, optimizer_name, x, y, threads):
    import torch
    from torch import nn
    torch.set_num_threads(threads)
    torch.manual_seed(SEED)
    model = torch_model(kind)
    optimizer = torch_optimizer(optimizer_name, model.parameters())
    loss_fn = nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(SEED)
    inputs = torch.from_numpy(x if kind == "relu" else x.reshape(-1, 1, 28, 28))
    labels = torch.from_numpy(y)
    n = inputs.shape[0]
    seconds, accuracy = [], 0.0
    for _ in range(EPOCHS):
        start = time.perf_counter()
        model.train()
        order = torch.randperm(n, generator=generator)
        loss_total, correct = 0.0, 0
        for begin in range(0, n, BATCH):
            index = order[begin:begin + BATCH]
            xb, yb = inputs[index], labels[index]
            optimizer.zero_grad()
            logits = model(xb)
            loss = loss_fn(logits, yb)
            loss.backward()
            optimizer.step()
            loss_total += loss.item() * len(index)
            correct += (logits.detach().argmax(1) == yb).sum().item()
        accuracy = correct / n
        seconds.append(time.perf_counter() - start)
    return seconds, accuracy, f"torch {torch.__version__}, {torch.get_num_threads()} threads"


def run_gemm(threads, results, variant):
    import torch
    torch.set_num_threads(threads)
    for op, m, k, n in GEMM_SHAPES:
        a = torch.rand(k, m).t() if op == "multTransA" else torch.rand(m, k)
        b, c = torch.rand(k, n), torch.empty(m, n)
        for _ in range(20):
            torch.mm(a, b, out=c)
        calls, start = 0, time.perf_counter()
        while time.perf_counter() - start < 1.0:
            torch.mm(a, b, out=c)
            calls += 1
        gflops = 2.0 * m * k * n * calls / (time.perf_counter() - start) / 1e9
        shape = f"{op} {m}x{k}x{n}"
        append(results, [("gflops", variant, shape, gflops)])
        say(f"{variant} {shape}: {gflops:.1f} GFLOP/s")
    config = torch.__config__.show()
    blas = "MKL" if "mkl" in config.lower() else "see torch.__config__"
    append(results, [("info", variant, "gemm", f"torch {torch.__version__} torch.mm ({blas})")])


# ---- Keras -----------------------------------------------------------------------------------

def run_keras(kind, optimizer_name, x, y):
    import keras
    from keras import layers
    keras.utils.set_random_seed(SEED)
    if kind == "relu":
        stack = [keras.Input((28, 28)), layers.Flatten(), layers.Dense(100, activation="relu"),
                 layers.Dense(10, activation="softmax")]
    else:
        stack = [keras.Input((28, 28, 1)), layers.Conv2D(32, 3, activation="relu", padding="same"),
                 layers.MaxPooling2D(2), layers.Conv2D(64, 3, activation="relu", padding="same"),
                 layers.MaxPooling2D(2), layers.Flatten(), layers.Dense(100, activation="relu"),
                 layers.Dropout(0.4), layers.Dense(10, activation="softmax")]
        x = x.reshape(-1, 28, 28, 1)
    model = keras.Sequential(stack)
    model.compile(optimizer=optimizer_name, loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])

    class Timer(keras.callbacks.Callback):
        def __init__(self):
            super().__init__()
            self.seconds = []

        def on_epoch_begin(self, epoch, logs=None):
            self.start = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            self.seconds.append(time.perf_counter() - self.start)

    timer = Timer()
    history = model.fit(x, y, batch_size=BATCH, epochs=EPOCHS, verbose=0, callbacks=[timer])
    return (timer.seconds, history.history["accuracy"][-1],
            f"keras {keras.__version__} on {keras.backend.backend()}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", required=True, help="results file, appended to")
    parser.add_argument("--peer", choices=["pytorch", "keras"], required=True)
    parser.add_argument("--backend", choices=["jax", "tensorflow", "torch"], default="jax",
                        help="Keras's backend")
    parser.add_argument("--threads", type=int, default=1, help="PyTorch's threads")
    parser.add_argument("--workload", default="relu_adam_b32")
    parser.add_argument("--quick", action="store_true", help=f"the first {QUICK_SAMPLES} images")
    parser.add_argument("--gemm", action="store_true", help="time torch.mm instead of training")
    parser.add_argument("--data-dir", default=os.environ.get("TENSILE_FASHION_MNIST",
                                                             DEFAULT_DATA))
    args = parser.parse_args()

    if args.peer == "pytorch":
        variant = f"pytorch-t{args.threads}"
    else:
        variant = f"keras-{args.backend}"
        os.environ["KERAS_BACKEND"] = args.backend
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    if args.gemm:
        run_gemm(args.threads, args.results, variant)
        return
    kind, optimizer_name = parse_workload(args.workload)
    x, y = load_training_set(args.data_dir, args.quick)
    if args.peer == "pytorch":
        seconds, accuracy, version = run_pytorch(kind, optimizer_name, x, y, args.threads)
    else:
        seconds, accuracy, version = run_keras(kind, optimizer_name, x, y)
    median = statistics.median(seconds[1:])
    append(args.results, [("info", variant, "version", version),
                          ("peer_epoch_s", variant, args.workload, median),
                          ("peer_accuracy", variant, args.workload, accuracy)])
    say(f"{variant} {args.workload} on {len(y)} real images: {median:.3f} s/epoch "
        f"(median of epochs 2-3), accuracy {accuracy:.3f}")


if __name__ == "__main__":
    main()
