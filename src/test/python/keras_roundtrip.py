"""Cross-checks files Tensile wrote against real Keras, for KerasRoundTripTest.

Usage: keras_roundtrip.py DIR. DIR holds, for each case NAME, NAME.keras and NAME.weights.h5
written by Tensile and NAME.json with the inputs x, targets y, Tensile's predictions and, for
compiled models, Tensile's weights after `steps` more full-batch steps. For each case this
  - opens both files with h5py (the weights inside the .keras too), so a corrupt HDF5 fails here;
  - loads NAME.keras with keras.models.load_model, failing on any Python warning or log warning;
  - compares Keras's predictions with Tensile's (1e-6 relative);
  - continues training for `steps` steps and compares the weights (1e-4 relative);
  - zeroes the weights, loads NAME.weights.h5 (load_weights) and compares predictions again;
  - saves the continued model as NAME.from_keras.keras, with its predictions in
    NAME.from_keras.json, for the Java side to load.
With --chapter8 it then saves the chapter-8 CNN from Keras (chapter8.keras, chapter8.json with
inputs, predictions and evaluate's loss and accuracy) for the Java side to load.
Prints one line per case and exits non-zero on the first mismatch.
"""
import io
import json
import logging
import os
import sys
import warnings
import zipfile

os.environ.setdefault("KERAS_BACKEND", "jax")
import h5py  # noqa: E402
import keras  # noqa: E402
import numpy as np  # noqa: E402


class Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record.getMessage())


def close(expected, actual, rtol, what):
    expected, actual = np.asarray(expected, "float64"), np.asarray(actual, "float64")
    if expected.size == actual.size:
        expected = expected.reshape(actual.shape)  # Tensile's arrays arrive flat
    if expected.shape != actual.shape:
        raise AssertionError(f"{what}: shape {actual.shape}, Tensile {expected.shape}")
    tol = rtol * np.maximum(np.abs(expected), np.abs(actual)) + 1e-7
    bad = np.abs(expected - actual) > tol
    if bad.any():
        i = np.argwhere(bad)[0]
        raise AssertionError(f"{what}: at {tuple(i)} Keras {actual[tuple(i)]}, "
                             f"Tensile {expected[tuple(i)]}")


def quietly(what, action):
    handler = Collect()
    logging.getLogger().addHandler(handler)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = action()
    finally:
        logging.getLogger().removeHandler(handler)
    messages = [str(w.message) for w in caught] + handler.records
    if messages:
        raise AssertionError(f"{what} warned: {messages}")
    return result


def check(directory, name):
    with open(os.path.join(directory, name + ".json")) as f:
        r = json.load(f)
    path = os.path.join(directory, name + ".keras")
    weights = os.path.join(directory, name + ".weights.h5")
    with zipfile.ZipFile(path) as z:
        h5py.File(io.BytesIO(z.read("model.weights.h5")), "r").visit(lambda n: None)
    h5py.File(weights, "r").visit(lambda n: None)
    x = np.asarray(r["x"], "float32").reshape(r["x_shape"])
    model = quietly("load_model(" + name + ".keras)", lambda: keras.models.load_model(path))
    close(r["predictions"], model.predict(x, verbose=0), 1e-6, name + " predictions")
    # Zero the weights, then load them back from the weights file (the same model, so predict
    # is not compiled again).
    model.set_weights([np.zeros_like(w) for w in model.get_weights()])
    quietly("load_weights(" + name + ".weights.h5)", lambda: model.load_weights(weights))
    close(r["predictions"], model.predict(x, verbose=0), 1e-6, name + " load_weights predictions")
    if r["compiled"]:
        y = np.asarray(r["y"], "float32" if isinstance(r["y"][0], list) else "int32")
        if model.loss == "binary_crossentropy" or y.ndim == 2:
            y = y.astype("float32")
        model.fit(x, y, batch_size=len(x), epochs=r["steps"], shuffle=False, verbose=0)
        after = model.get_weights()
        for i, w in enumerate(after):
            close(r["weights_after"][i], w, 1e-4, f"{name} weight {i} after {r['steps']} steps")
        if int(model.optimizer.iterations.numpy()) != r["iterations_after"]:
            raise AssertionError(f"{name}: Keras iterations {model.optimizer.iterations.numpy()}"
                                 f", Tensile {r['iterations_after']}")
    out = os.path.join(directory, name + ".from_keras.keras")
    model.save(out)
    with open(os.path.join(directory, name + ".from_keras.json"), "w") as f:
        json.dump({"predictions": model.predict(x, verbose=0).tolist()}, f)
    print("ok", name)


def chapter8(directory):
    """Keras saves the book's chapter-8 CNN, with its predictions and evaluation."""
    keras.utils.set_random_seed(8)
    L = keras.layers
    model = keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        L.Conv2D(32, 3, padding="same", activation="relu"), L.MaxPooling2D(2),
        L.Conv2D(64, 3, padding="same", activation="relu"), L.MaxPooling2D(2),
        L.Flatten(), L.Dense(100, activation="relu"), L.Dropout(0.4),
        L.Dense(10, activation="softmax")])
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    rng = np.random.default_rng(8)
    x = rng.uniform(size=(6, 28, 28, 1)).astype("float32")
    y = rng.integers(0, 10, size=6).astype("int32")
    model.save(os.path.join(directory, "chapter8.keras"))
    with open(os.path.join(directory, "chapter8.json"), "w") as f:
        json.dump({"x": x.tolist(), "x_shape": list(x.shape), "y": y.tolist(),
                   "predictions": model.predict(x, verbose=0).tolist(),
                   "evaluate": model.evaluate(x, y, verbose=0)}, f)
    print("ok chapter8")


def main():
    directory = sys.argv[1]
    names = sorted(n[:-5] for n in os.listdir(directory)
                   if n.endswith(".json") and ".from_keras" not in n)
    for name in names:
        check(directory, name)
    if "--chapter8" in sys.argv[2:]:
        chapter8(directory)


if __name__ == "__main__":
    main()
