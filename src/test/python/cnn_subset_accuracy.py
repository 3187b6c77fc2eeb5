"""How accurate the convolution chapter's CNN gets in real Keras, shortened and in full.

Trains the chapter's model (Adam, batch 32) on the first 12,000 Fashion-MNIST training images for
3 epochs and prints the accuracy on the 10,000 test images, for a few seeds, so the bar of
CnnAccuracyTest (the same run in Tensile) can be set below what Keras itself reaches. Reads the
IDX files from the directory given as the first argument (default: the Debian package's).
With --full it runs the whole chapter instead (a random 20% of the training images for
validation, up to 20 epochs, EarlyStopping(patience=2, restore_best_weights=True)) and prints the
validation and test accuracy, for comparison with the FashionMnistCnn example; with
--write-order FILE it also writes the order of the training images it split by, one index per
line, which the example takes as --order FILE to hold out the same validation images.
KERAS_BACKEND=jax python src/test/python/cnn_subset_accuracy.py [--full] [--write-order FILE] [DIR]
"""

import gzip
import os
import sys

import keras
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from conv_reference import chapter_model  # noqa: E402


def idx(path):
    with gzip.open(path) as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def model():
    m = chapter_model()
    m.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return m


def full_chapter(d, order_file=None):
    x = idx(os.path.join(d, "train-images-idx3-ubyte.gz")).reshape(-1, 28, 28, 1) / 255.0
    y = idx(os.path.join(d, "train-labels-idx1-ubyte.gz"))
    xt = idx(os.path.join(d, "t10k-images-idx3-ubyte.gz")).reshape(-1, 28, 28, 1) / 255.0
    yt = idx(os.path.join(d, "t10k-labels-idx1-ubyte.gz"))
    keras.utils.set_random_seed(42)
    order = np.random.default_rng(42).permutation(len(x))
    if order_file:
        with open(order_file, "w") as f:
            f.write("\n".join(str(i) for i in order) + "\n")
    val, train = order[:12000], order[12000:]
    m = model()
    stop = keras.callbacks.EarlyStopping(patience=2, restore_best_weights=True)
    history = m.fit(x[train], y[train], epochs=20, batch_size=32, verbose=2,
                    validation_data=(x[val], y[val]), callbacks=[stop])
    print("epochs run", len(history.history["loss"]))
    print("validation accuracy", round(float(m.evaluate(x[val], y[val], verbose=0)[1]), 4))
    print("test accuracy", round(float(m.evaluate(xt, yt, verbose=0)[1]), 4), flush=True)


def main():
    args = sys.argv[1:]
    order_file = None
    if "--write-order" in args:
        at = args.index("--write-order")
        order_file = args[at + 1]
        del args[at:at + 2]
    full = "--full" in args
    args = [a for a in args if a != "--full"]
    d = args[0] if args else "/usr/share/datasets/fashion-mnist"
    if full:
        full_chapter(d, order_file)
        return
    x = idx(os.path.join(d, "train-images-idx3-ubyte.gz"))[:12000].reshape(-1, 28, 28, 1) / 255.0
    y = idx(os.path.join(d, "train-labels-idx1-ubyte.gz"))[:12000]
    xt = idx(os.path.join(d, "t10k-images-idx3-ubyte.gz")).reshape(-1, 28, 28, 1) / 255.0
    yt = idx(os.path.join(d, "t10k-labels-idx1-ubyte.gz"))
    for seed in (42, 1, 2):
        keras.utils.set_random_seed(seed)
        m = model()
        m.fit(x, y, epochs=3, batch_size=32, verbose=0)
        print("seed", seed, "test accuracy", round(float(m.evaluate(xt, yt, verbose=0)[1]), 4),
              flush=True)


if __name__ == "__main__":
    main()
