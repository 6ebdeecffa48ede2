"""Wrong answers that the checks of lesson 09 must reject, each with the message a learner sees."""

from __future__ import annotations

import numpy as np

from neuronlab.activations import sigmoid, sigmoid_prime


def chain(x, weights, biases, factor, update=True):
    """A chain derivative whose layers each contribute ``factor(w, a, z)``."""
    a = np.asarray(x, dtype=float)
    derivative = np.ones_like(a)
    for w, b in zip(weights, biases, strict=True):
        z = w * a + b
        derivative = derivative * factor(w, a, z)
        if update:
            a = sigmoid(z)
    return derivative


def backprop_norms(activations, weights, delta, push, norm=np.linalg.norm):
    """Per-layer gradient norms, first layer first, with a given way to push δ back."""
    norms = []
    for layer in reversed(range(len(weights))):
        norms.append(norm(activations[layer].T @ delta))
        if layer > 0:
            delta = push(delta, weights[layer], activations[layer])
    return norms[::-1]


def right_push(delta, W, a):
    return (delta @ W.T) * (1 - a**2)


def tanh_chain_with_sigmoid_slope(x, weights, biases):
    a, d = np.asarray(x, dtype=float), 1.0
    for w, b in zip(weights, biases, strict=True):
        z = w * a + b
        s = 1 / (1 + np.exp(-z))
        d = d * w * s * (1 - s)
        a = np.tanh(z)
    return d


def tanh_chain_with_slope_of_net_input(x, weights, biases):
    a, d = np.asarray(x, dtype=float), 1.0
    for w, b in zip(weights, biases, strict=True):
        z = w * a + b
        d = d * w * (1 - z**2)
        a = np.tanh(z)
    return d


def tanh_chain_without_carrying_a(x, weights, biases):
    d = 1.0
    for w, b in zip(weights, biases, strict=True):
        d = d * w * (1 - np.tanh(w * x + b) ** 2)  # every layer sees x itself
    return d


# exercise id -> [(wrong answer, a piece of the message the learner must see)]
WRONG_ANSWERS = {
    "9.1": [
        (
            lambda x, w, b: chain(x, w, b, lambda w, a, z: sigmoid_prime(z)),
            "multiplies by the weight",
        ),
        (lambda x, w, b: chain(x, w, b, lambda w, a, z: w * sigmoid_prime(a)), "not at its input"),
        (lambda x, w, b: chain(x, w, b, lambda w, a, z: w * z * (1 - z)), "a sigmoid's *output*"),
        (
            lambda x, w, b: chain(x, w, b, lambda w, a, z: w * sigmoid_prime(z), update=False),
            "feed each layer's output into the next",
        ),
        (lambda x, w, b: np.prod(np.abs(w)) / 4 ** len(w) + 0 * x, "that is the bound"),
        (
            lambda x, w, b: chain(x, w[:-1], b[:-1], lambda w, a, z: w * sigmoid_prime(z)),
            "one factor is missing",
        ),
        (lambda x, w, b: chain(x, w, b, lambda w, a, z: w * sigmoid(z)), "expected"),
        (lambda x, w, b: 0.25 ** len(w), "expected an array of shape"),
    ],
    "9.2": [
        (
            lambda fi, fo, rng: rng.uniform(
                -np.sqrt(2 / (fi + fo)), np.sqrt(2 / (fi + fo)), (fi, fo)
            ),
            "variance r² / 3",
        ),
        (
            lambda fi, fo, rng: rng.uniform(-np.sqrt(6 / fi), np.sqrt(6 / fi), (fi, fo)),
            "that variance is 2 / fan_in",
        ),
        (
            lambda fi, fo, rng: rng.uniform(-6 / (fi + fo), 6 / (fi + fo), (fi, fo)),
            "square root is missing",
        ),
        (
            lambda fi, fo, rng: rng.normal(0, np.sqrt(2 / (fi + fo)), (fi, fo)),
            "Glorot's *normal* version",
        ),
        (lambda fi, fo, rng: rng.normal(0, 2 / (fi + fo), (fi, fo)), "is the *variance*"),
        (
            lambda fi, fo, rng: rng.uniform(
                -np.sqrt(6 / (fi + fo)), np.sqrt(6 / (fi + fo)), (fo, fi)
            ),
            "Rows and columns are swapped",
        ),
        (
            lambda fi, fo, rng: np.random.uniform(  # noqa: NPY002 (the mistake)
                -np.sqrt(6 / (fi + fo)), np.sqrt(6 / (fi + fo)), (fi, fo)
            ),
            "draw from the generator `rng`",
        ),
        (
            lambda fi, fo, rng: np.full((fi, fo), np.sqrt(2 / (fi + fo))),
            "Every weight is the same number",
        ),
        (lambda fi, fo, rng: rng.uniform(0, np.sqrt(6 / (fi + fo)), (fi, fo)), "should be 0"),
    ],
    "9.3": [
        (
            lambda fi, fo, rng: rng.normal(0, np.sqrt(2 / (fi + fo)), (fi, fo)),
            "that is Xavier's variance",
        ),
        (
            lambda fi, fo, rng: rng.uniform(
                -np.sqrt(6 / (fi + fo)), np.sqrt(6 / (fi + fo)), (fi, fo)
            ),
            "that is Xavier's variance",
        ),
        (lambda fi, fo, rng: rng.normal(0, 2 / fi, (fi, fo)), "2 / fan_in is the *variance*"),
        (lambda fi, fo, rng: rng.normal(0, np.sqrt(1 / fi), (fi, fo)), "the factor 2 is missing"),
        (
            lambda fi, fo, rng: rng.normal(0, np.sqrt(2 / fo), (fi, fo)),
            "that variance is 2 / fan_out",
        ),
        (
            lambda fi, fo, rng: rng.uniform(-np.sqrt(6 / fi), np.sqrt(6 / fi), (fi, fo)),
            "they look uniform",
        ),
        (
            lambda fi, fo, rng: np.random.default_rng(0).normal(0, np.sqrt(2 / fi), (fi, fo)),
            "different seeds gave the same weights",
        ),
        (
            lambda fi, fo, rng: rng.normal(0, np.sqrt(2 / fi), (fo, fi)),
            "Rows and columns are swapped",
        ),
    ],
    "9.4": [
        (lambda Z: float(np.mean(np.all(Z <= 1, axis=0))), "(0 < z <= 1) is alive"),
        (lambda Z: float(np.mean(np.all(Z < 0.5, axis=0))), "(0 < z <= 1) is alive"),
        (lambda Z: float(np.mean((Z <= 1e-6).all(axis=0))), "compare with 0, not with another"),
        (lambda Z: float(np.mean(np.any(Z <= 0, axis=0))), "silent on *every* sample"),
        (lambda Z: float(np.mean(np.all(Z < 0, axis=0))), "use z <= 0"),
        (lambda Z: float(np.mean(np.all(Z <= 0, axis=1))), "units are the columns"),
        (lambda Z: float(np.mean(Z <= 0)), "fraction of silent *entries*"),
        (lambda Z: int(np.sum(np.all(Z <= 0, axis=0))), "number of dead units"),
        (lambda Z: float(np.mean(np.all(Z > 0, axis=0))), "fire on every sample"),
        (lambda Z: np.all(Z <= 0, axis=0), "expected one number, but got an array of shape (6,)"),
    ],
    "9.5": [
        (lambda a, W, d: backprop_norms(a, W, d, right_push)[::-1], "reverse order"),
        (
            lambda a, W, d: backprop_norms(a, W, d, lambda d, W, a: d @ W.T),
            "BP2 multiplies by f'(z)",
        ),
        (
            lambda a, W, d: backprop_norms(
                a, W, d, lambda d, W, a: (d @ W.T) * (1 - np.tanh(a) ** 2)
            ),
            "don't apply tanh again",
        ),
        (
            lambda a, W, d: backprop_norms(a, W, d, lambda d, W, a: (d @ W) * (1 - a**2)),
            "through the transpose",
        ),
        (
            lambda a, W, d: backprop_norms(
                a, W, d, right_push, norm=lambda g: np.linalg.norm(g, 2)
            ),
            "Frobenius norm",
        ),
        (
            lambda a, W, d: backprop_norms(a, W, d, right_push, norm=lambda g: np.sum(g**2)),
            "squared norm",
        ),
        (lambda a, W, d: backprop_norms(a, W, d, right_push)[1:], "one norm per layer of weights"),
        (
            lambda a, W, d: [np.linalg.norm(x.T @ d) for x in a[:-1]],
            "expected",
        ),
    ],
    "9.6": [
        (lambda: "about 0.1", "0.25¹⁰ ≈ 9.5e-7"),
        (lambda: "about 1", "you predicted 'about 1'"),
        (lambda: 1e-7, "return one of 'about 1'"),
    ],
    "9.7": [
        (tanh_chain_with_sigmoid_slope, "that is the sigmoid's derivative"),
        (tanh_chain_with_slope_of_net_input, "needs the layer's output a = tanh(z)"),
        (tanh_chain_without_carrying_a, "carry a forward"),
    ],
}
