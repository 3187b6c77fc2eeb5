"""Makes the Keras model files the Java tests load, with Keras's own numbers to compare against.

Writes, into src/test/resources/dev/tensile/keras/, for each case NAME:
  NAME.keras          a model saved by model.save (trained a few steps, or not compiled at all)
  NAME.weights.h5     for some cases, the same model's model.save_weights
  NAME.h5             for some cases, the legacy HDF5 file of model.save("x.h5")
  NAME.keras2.h5      for some cases, the same model written with h5py in Keras 2's legacy layout
                      (Keras 2.x configs: dtype strings, batch_input_shape, "Custom>Adam",
                      MeanMetricWrapper metrics, weight names like dense/kernel:0)
  NAME.json           the fixed inputs x and targets y, Keras's predictions for x, and, for
                      compiled cases, the weights after `steps` more full-batch steps of fit
                      from the loaded file (shuffle off)

Run: KERAS_BACKEND=jax $TENSILE_PYTHON src/test/python/keras_files.py
"""
import json
import os
import warnings

os.environ.setdefault("KERAS_BACKEND", "jax")
import keras  # noqa: E402
import numpy as np  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "dev", "tensile", "keras")
L = keras.layers
O = keras.optimizers


def data(shape, classes, onehot=False, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(12,) + shape).astype("float32")
    labels = rng.integers(0, classes, size=12)
    if classes == 1:
        return x, (x.reshape(12, -1)[:, :1] > 0).astype("float32")
    if onehot:
        return x, np.eye(classes, dtype="float32")[labels]
    return x, labels.astype("int32")


def cases():
    """Each case: name, layers, compile arguments (or None), input shape, classes, one-hot."""
    return [
        ("adam_relu_softmax", [L.Dense(5, activation="relu"), L.Dense(3, activation="softmax")],
         dict(optimizer=O.Adam(learning_rate=0.01), loss="sparse_categorical_crossentropy",
              metrics=["accuracy"]), (4,), 3, False, ["weights", "legacy", "keras2"]),
        ("adam_amsgrad_sigmoid", [L.Dense(4, activation="tanh"), L.Dense(1, activation="sigmoid")],
         dict(optimizer=O.Adam(amsgrad=True, learning_rate=0.02), loss="binary_crossentropy",
              metrics=["accuracy"]), (4,), 1, False, []),
        ("sgd_plain_flatten", [L.Flatten(), L.Dense(3, activation="softmax")],
         dict(optimizer=O.SGD(learning_rate=0.1), loss="categorical_crossentropy",
              metrics=["categorical_accuracy"]), (2, 3), 3, True, ["legacy"]),
        ("sgd_momentum_nobias", [L.Dense(5, activation="sigmoid", use_bias=False),
                                 L.Dense(3, activation="softmax")],
         dict(optimizer=O.SGD(learning_rate=0.05, momentum=0.9),
              loss=keras.losses.SparseCategoricalCrossentropy(),
              metrics=[keras.metrics.SparseCategoricalAccuracy()]), (4,), 3, False, ["weights"]),
        ("sgd_nesterov_logits", [L.Dense(5, activation="relu"), L.Dense(3)],
         dict(optimizer=O.SGD(learning_rate=0.05, momentum=0.8, nesterov=True),
              loss=keras.losses.CategoricalCrossentropy(from_logits=True)), (4,), 3, True, []),
        ("rmsprop_activation", [L.Dense(5), L.Activation("tanh"), L.Dense(3, activation="softmax")],
         dict(optimizer=O.RMSprop(), loss="sparse_categorical_crossentropy",
              metrics=["accuracy"]), (4,), 3, False, []),
        ("rmsprop_momentum_centered", [L.Dense(5, activation="relu"),
                                       L.Dense(3, activation="softmax")],
         dict(optimizer=O.RMSprop(learning_rate=0.01, momentum=0.5, centered=True),
              loss="sparse_categorical_crossentropy"), (4,), 3, False, ["legacy"]),
        ("adagrad_linear", [L.Dense(4, activation="linear"), L.Dense(1, activation="sigmoid")],
         dict(optimizer=O.Adagrad(learning_rate=0.1), loss=keras.losses.BinaryCrossentropy(),
              metrics=["binary_accuracy"]), (4,), 1, False, []),
        ("adam_clipnorm", [L.Dense(4, activation="relu"), L.Dense(3, activation="softmax")],
         dict(optimizer=O.Adam(learning_rate=0.05, clipnorm=0.5),
              loss="sparse_categorical_crossentropy"), (4,), 3, False, []),
        ("conv_pool_batchnorm", [L.Conv2D(4, 3, padding="same", activation="relu"),
                                 L.MaxPooling2D(2),
                                 L.Conv2D(3, (2, 3), strides=(1, 2), activation="tanh",
                                          use_bias=False),
                                 L.AveragePooling2D(2, strides=1, padding="same"),
                                 L.BatchNormalization(),
                                 L.GlobalAveragePooling2D(), L.Dense(3, activation="softmax")],
         dict(optimizer=O.Adam(learning_rate=0.01), loss="sparse_categorical_crossentropy",
              metrics=["accuracy"]), (8, 8, 1), 3, False, ["weights"]),
        ("conv_reshape_globalmax", [L.Reshape((4, 4, 2)), L.Conv2D(3, 2, dilation_rate=2),
                                    L.GlobalMaxPooling2D(), L.Dense(2, activation="softmax")],
         dict(optimizer=O.SGD(learning_rate=0.1, momentum=0.9),
              loss="sparse_categorical_crossentropy"), (32,), 2, False, []),
        ("uncompiled_dropout", [L.Dense(6, activation="relu"), L.Dropout(0.3, seed=7),
                                L.Flatten(), L.Dense(2, activation="softmax")],
         None, (4,), 2, False, ["weights", "legacy"]),
    ]


def keras2_layout(model, compile_args, path):
    """Writes the model as Keras 2.15's model.save("x.h5") laid it out."""
    import h5py

    def dense_config(layer):
        c = layer.get_config()
        return {"class_name": "Dense", "config": {
            "name": layer.name, "trainable": True, "dtype": "float32", "units": c["units"],
            "activation": c["activation"], "use_bias": c["use_bias"],
            "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
            "bias_initializer": {"class_name": "Zeros", "config": {}},
            "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
            "kernel_constraint": None, "bias_constraint": None}}

    layers = [{"class_name": "InputLayer", "config": {
        "batch_input_shape": [None] + list(model.input_shape[1:]), "dtype": "float32",
        "sparse": False, "ragged": False, "name": model.layers[0].name + "_input"}}]
    layers += [dense_config(layer) for layer in model.layers]
    config = {"class_name": "Sequential", "config": {"name": "sequential", "layers": layers}}
    opt = compile_args["optimizer"].get_config()
    training = {
        "loss": compile_args["loss"],
        "metrics": [[{"class_name": "MeanMetricWrapper", "config": {
            "name": "accuracy", "dtype": "float32", "fn": "sparse_categorical_accuracy"}}]],
        "weighted_metrics": None, "loss_weights": None,
        "optimizer_config": {"class_name": "Custom>Adam", "config": {
            "name": "Adam", "weight_decay": None, "clipnorm": None, "global_clipnorm": None,
            "clipvalue": None, "use_ema": False, "ema_momentum": 0.99,
            "ema_overwrite_frequency": None, "jit_compile": True, "is_legacy_optimizer": False,
            "learning_rate": opt["learning_rate"], "beta_1": opt["beta_1"],
            "beta_2": opt["beta_2"], "epsilon": opt["epsilon"], "amsgrad": opt["amsgrad"]}}}
    with h5py.File(path, "w") as f:
        f.attrs["backend"] = "tensorflow"
        f.attrs["keras_version"] = "2.15.0"
        f.attrs["model_config"] = json.dumps(config).encode("utf8")
        f.attrs["training_config"] = json.dumps(training).encode("utf8")
        g = f.create_group("model_weights")
        g.attrs["backend"] = "tensorflow"
        g.attrs["keras_version"] = "2.15.0"
        g.attrs["layer_names"] = [layer.name.encode("utf8") for layer in model.layers]
        for layer in model.layers:
            lg = g.create_group(layer.name)
            names = [f"{layer.name}/{v.name}:0" for v in layer.weights]
            lg.attrs["weight_names"] = [n.encode("utf8") for n in names]
            for n, w in zip(names, layer.get_weights()):
                lg.create_dataset(n, data=w)


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, layers, compile_args, shape, classes, onehot, extra in cases():
        keras.utils.set_random_seed(1)
        x, y = data(shape, classes, onehot)
        model = keras.Sequential([keras.Input(shape=shape)] + layers, name="m_" + name)
        record = {"x": x.tolist(), "x_shape": list(x.shape), "y": np.asarray(y).tolist(),
                  "compiled": compile_args is not None}
        if compile_args is not None:
            model.compile(**compile_args)
            model.fit(x, y, batch_size=12, epochs=3, shuffle=False, verbose=0)
        path = os.path.join(OUT, name + ".keras")
        model.save(path)
        if "weights" in extra:
            model.save_weights(os.path.join(OUT, name + ".weights.h5"))
        if "legacy" in extra:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                keras.saving.save_model(model, os.path.join(OUT, name + ".h5"))
        if "keras2" in extra:
            keras2_layout(model, compile_args, os.path.join(OUT, name + ".keras2.h5"))
        loaded = keras.models.load_model(path)
        record["predictions"] = loaded.predict(x, verbose=0).tolist()
        if compile_args is not None:
            record["steps"] = 2
            loaded.fit(x, y, batch_size=12, epochs=2, shuffle=False, verbose=0)
            record["weights_after"] = [w.tolist() for w in loaded.get_weights()]
            record["iterations_after"] = int(loaded.optimizer.iterations.numpy())
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(record, f)
        print("wrote", name)


if __name__ == "__main__":
    main()
