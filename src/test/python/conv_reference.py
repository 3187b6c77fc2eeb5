"""Keras reference cases for the convolution layers.

Writes src/test/resources/dev/tensile/conv/layers.json (forward outputs and the gradients of
sum(r * y) for the inputs and every trainable weight, per layer and option), adam_steps.json (a
tiny CNN with batch normalization trained for a few full-batch Adam steps) and summary.txt (the
chapter's CNN as keras prints its summary). Run from the repository root:
KERAS_BACKEND=jax python src/test/python/conv_reference.py
"""

import io
import json
import os
import sys

import jax
import jax.numpy as jnp
import keras
import numpy as np

OUT = os.path.join("src", "test", "resources", "dev", "tensile", "conv")


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=np.float32).reshape(-1)]


def case(name, layer, shape, batch, training=False, seed=0, moving=None):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1, 1, size=(batch,) + shape).astype(np.float32)
    layer.build((None,) + shape)
    for v in layer.trainable_variables:
        v.assign(rng.uniform(-1, 1, size=v.shape).astype(np.float32))
    if moving is not None:
        mm, mv = layer.non_trainable_variables
        mm.assign(rng.uniform(-0.5, 0.5, size=mm.shape).astype(np.float32))
        mv.assign(rng.uniform(0.5, 2.0, size=mv.shape).astype(np.float32))
    tv = [v.value for v in layer.trainable_variables]
    ntv = [v.value for v in layer.non_trainable_variables]
    kw = {"training": training} if isinstance(layer, keras.layers.BatchNormalization) else {}
    y, new_ntv = layer.stateless_call(tv, ntv, x, **kw)
    r = rng.uniform(-1, 1, size=y.shape).astype(np.float32)

    def loss(tv, x):
        out, _ = layer.stateless_call(tv, ntv, x, **kw)
        return jnp.sum(out * r)

    dw, dx = jax.grad(loss, argnums=(0, 1))(tv, x)
    return {
        "name": name,
        "class_name": layer.__class__.__name__,
        "config": {k: v for k, v in layer.get_config().items()
                   if k in ("filters", "kernel_size", "strides", "padding", "dilation_rate",
                            "activation", "use_bias", "pool_size", "momentum", "epsilon",
                            "center", "scale", "target_shape")},
        "training": training,
        "input_shape": [batch] + list(shape),
        "output_shape": list(y.shape),
        "x": floats(x),
        "weights": [floats(v) for v in tv],
        "non_trainable": [floats(v) for v in ntv],
        "r": floats(r),
        "y": floats(y),
        "dx": floats(dx),
        "dw": [floats(g) for g in dw],
        "non_trainable_after": [floats(v) for v in new_ntv],
    }


def layer_cases():
    L = keras.layers
    return [
        case("conv valid 3x3 batch 1", L.Conv2D(3, 3), (5, 6, 2), 1, seed=1),
        case("conv same 3x3 even total", L.Conv2D(2, 3, padding="same"), (5, 5, 1), 3, seed=2),
        case("conv same 2x2 odd total", L.Conv2D(3, 2, padding="same"), (4, 5, 2), 3, seed=3),
        case("conv same stride 2 odd total", L.Conv2D(2, 3, strides=2, padding="same"),
             (6, 6, 2), 3, seed=4),
        case("conv same stride 2 even total", L.Conv2D(2, 3, strides=2, padding="same"),
             (5, 5, 1), 1, seed=5),
        case("conv same dilation 2 kernel 2x3",
             L.Conv2D(2, (2, 3), dilation_rate=2, padding="same"), (7, 6, 2), 3, seed=6),
        case("conv valid kernel 3x2 strides 2x1 relu no bias",
             L.Conv2D(4, (3, 2), strides=(2, 1), activation="relu", use_bias=False),
             (7, 5, 3), 5, seed=7),
        case("conv 1x1", L.Conv2D(3, 1, activation="relu"), (3, 4, 5), 3, seed=8),
        case("conv valid dilation 2", L.Conv2D(2, 3, dilation_rate=(2, 1)), (7, 5, 2), 1, seed=9),
        case("conv winograd same 3x3 16 channels relu",
             L.Conv2D(8, 3, padding="same", activation="relu"), (6, 8, 16), 2, seed=23),
        case("conv winograd valid 3x3 9 channels", L.Conv2D(5, 3), (6, 6, 9), 3, seed=24),
        case("conv winograd 4x4 same 3x3 odd extents 12 channels relu",
             L.Conv2D(10, 3, padding="same", activation="relu"), (7, 9, 12), 2, seed=27),
        case("conv winograd 4x4 valid 3x3 odd extents 8 channels", L.Conv2D(6, 3), (11, 7, 8), 2,
             seed=28),
        case("conv direct same 3x3 one channel 32 filters",
             L.Conv2D(32, 3, padding="same", activation="relu"), (7, 6, 1), 2, seed=25),
        case("conv direct valid 3x3 one channel 17 filters", L.Conv2D(17, 3), (5, 8, 1), 3, seed=26),
        case("max pool 2", L.MaxPooling2D(2), (6, 5, 3), 3, seed=10),
        case("max pool 3 stride 2 same", L.MaxPooling2D(3, strides=2, padding="same"),
             (6, 7, 2), 3, seed=11),
        case("max pool 2x3 strides 1x2", L.MaxPooling2D((2, 3), strides=(1, 2)), (5, 7, 2), 1,
             seed=12),
        case("average pool 2", L.AveragePooling2D(2), (6, 5, 3), 3, seed=13),
        case("average pool 3 stride 2 same", L.AveragePooling2D(3, strides=2, padding="same"),
             (6, 7, 2), 3, seed=14),
        case("average pool 2 same odd", L.AveragePooling2D(2, strides=1, padding="same"),
             (5, 4, 2), 1, seed=15),
        case("global average pool", L.GlobalAveragePooling2D(), (4, 5, 3), 3, seed=16),
        case("global max pool", L.GlobalMaxPooling2D(), (4, 5, 3), 3, seed=17),
        case("batch norm training", L.BatchNormalization(), (3, 4, 5), 3, training=True,
             seed=18),
        case("batch norm training dense input", L.BatchNormalization(momentum=0.9, epsilon=0.01),
             (6,), 7, training=True, seed=19),
        case("batch norm inference", L.BatchNormalization(), (3, 4, 5), 3, seed=20,
             moving=True),
        case("batch norm no center no scale training",
             L.BatchNormalization(center=False, scale=False), (2, 3, 4), 3, training=True,
             seed=21),
        case("reshape", L.Reshape((3, -1)), (2, 6), 3, seed=22),
    ]


def tiny_cnn():
    keras.utils.set_random_seed(7)
    L = keras.layers
    model = keras.Sequential([
        keras.Input(shape=(6, 6, 1)),
        L.Conv2D(4, 3, activation="relu", padding="same"),
        L.BatchNormalization(),
        L.MaxPooling2D(2),
        L.Conv2D(3, (2, 2), activation="relu"),
        L.Flatten(),
        L.Dense(3, activation="softmax"),
    ])
    rng = np.random.default_rng(99)
    x = rng.uniform(0, 1, size=(5, 6, 6, 1)).astype(np.float32)
    y = np.array([0, 1, 2, 1, 0], dtype=np.float32)
    initial = [floats(w) for w in model.get_weights()]
    shapes = [list(w.shape) for w in model.get_weights()]
    model.compile(optimizer=keras.optimizers.Adam(0.01),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(x, y, batch_size=5, epochs=3, shuffle=False, verbose=0)
    return {
        "x": floats(x), "x_shape": list(x.shape), "y": floats(y),
        "learning_rate": 0.01, "epochs": 3,
        "weight_names": [w.path for w in model.weights],
        "shapes": shapes,
        "initial": initial,
        "final": [floats(w) for w in model.get_weights()],
        "loss": [float(v) for v in history.history["loss"]],
        "predict": floats(model.predict(x, verbose=0)),
    }


def chapter_model():
    """The convolution chapter's CNN, uncompiled."""
    model = keras.Sequential()
    model.add(keras.layers.Input(shape=(28, 28, 1)))
    model.add(keras.layers.Conv2D(32, kernel_size=3, activation="relu", padding="same"))
    model.add(keras.layers.MaxPooling2D(2))
    model.add(keras.layers.Conv2D(64, kernel_size=(3, 3), activation="relu", padding="same"))
    model.add(keras.layers.MaxPooling2D(2))
    model.add(keras.layers.Flatten())
    model.add(keras.layers.Dense(100, activation="relu"))
    model.add(keras.layers.Dropout(0.4))
    model.add(keras.layers.Dense(10, activation="softmax"))
    return model


def chapter_summary():
    keras.backend.clear_session()
    model = chapter_model()
    lines = []
    model.summary(line_length=76, print_fn=lambda s, line_break=True: lines.append(s))
    text = "\n".join(lines)
    keras.backend.clear_session()
    bn = keras.Sequential([keras.Input(shape=(8, 8, 3)), keras.layers.Conv2D(4, 3),
                           keras.layers.BatchNormalization(),
                           keras.layers.GlobalAveragePooling2D(), keras.layers.Dense(2)])
    lines = []
    bn.summary(line_length=76, print_fn=lambda s, line_break=True: lines.append(s))
    return text, "\n".join(lines)


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "layers.json"), "w") as f:
        json.dump(layer_cases(), f)
    with open(os.path.join(OUT, "adam_steps.json"), "w") as f:
        json.dump(tiny_cnn(), f)
    chapter, bn = chapter_summary()
    with open(os.path.join(OUT, "summary_chapter.txt"), "w") as f:
        f.write(chapter)
    with open(os.path.join(OUT, "summary_batch_norm.txt"), "w") as f:
        f.write(bn)


if __name__ == "__main__":
    main()
