"""Wrong answers that the checks of lesson 09 must reject, each with the message a learner sees."""

from __future__ import annotations

import numpy as np

from neuronlab.activations import sigmoid, sigmoid_derivative

# 9.1: a learner's chain derivative, each with one mistake


def chain_without_the_weights(x, weights, biases):
    a = np.asarray(x, dtype=float)
    derivative = np.ones_like(a)
    for w, b in zip(weights, biases, strict=True):
        z = w * a + b
        derivative = derivative * sigmoid_derivative(z)  # the weight is forgotten
        a = sigmoid(z)
    return derivative


def chain_slope_at_the_input(x, weights, biases):
    a = np.asarray(x, dtype=float)
    derivative = np.ones_like(a)
    for w, b in zip(weights, biases, strict=True):
        derivative = derivative * w * sigmoid_derivative(a)
        a = sigmoid(w * a + b)
    return derivative


def chain_x_one_minus_x_of_the_net_input(x, weights, biases):
    a = np.asarray(x, dtype=float)
    derivative = np.ones_like(a)
    for w, b in zip(weights, biases, strict=True):
        z = w * a + b
        derivative = derivative * w * z * (1 - z)
        a = sigmoid(z)
    return derivative


def chain_that_never_moves_a(x, weights, biases):
    a = np.asarray(x, dtype=float)
    derivative = np.ones_like(a)
    for w, b in zip(weights, biases, strict=True):
        derivative = derivative * w * sigmoid_derivative(w * a + b)  # a stays x
    return derivative


def chain_with_a_range_that_stops_early(x, weights, biases):
    a = np.asarray(x, dtype=float)
    derivative = np.ones_like(a)
    for i in range(len(weights) - 1):
        z = weights[i] * a + biases[i]
        derivative = derivative * weights[i] * sigmoid_derivative(z)
        a = sigmoid(z)
    return derivative


def chain_with_the_sigmoid_instead_of_its_slope(x, weights, biases):
    a = np.asarray(x, dtype=float)
    derivative = np.ones_like(a)
    for w, b in zip(weights, biases, strict=True):
        a = sigmoid(w * a + b)
        derivative = derivative * w * a
    return derivative


# 9.5: a learner's per-layer gradient norms, each with one mistake


def norms_last_layer_first(activations, weights, delta_out):
    norms, delta = [], delta_out
    for layer in reversed(range(len(weights))):
        norms.append(np.linalg.norm(activations[layer].T @ delta))
        if layer > 0:
            delta = (delta @ weights[layer].T) * (1 - activations[layer] ** 2)
    return norms  # never reversed


def norms_without_the_tanh_slope(activations, weights, delta_out):
    norms, delta = [], delta_out
    for layer in reversed(range(len(weights))):
        norms.append(np.linalg.norm(activations[layer].T @ delta))
        if layer > 0:
            delta = delta @ weights[layer].T
    return norms[::-1]


def norms_with_tanh_applied_again(activations, weights, delta_out):
    norms, delta = [], delta_out
    for layer in reversed(range(len(weights))):
        norms.append(np.linalg.norm(activations[layer].T @ delta))
        if layer > 0:
            delta = (delta @ weights[layer].T) * (1 - np.tanh(activations[layer]) ** 2)
    return norms[::-1]


def norms_without_the_transpose(activations, weights, delta_out):
    norms, delta = [], delta_out
    for layer in reversed(range(len(weights))):
        norms.append(np.linalg.norm(activations[layer].T @ delta))
        if layer > 0:
            delta = (delta @ weights[layer]) * (1 - activations[layer] ** 2)
    return norms[::-1]


def norms_with_the_spectral_norm(activations, weights, delta_out):
    norms, delta = [], delta_out
    for layer in reversed(range(len(weights))):
        norms.append(np.linalg.norm(activations[layer].T @ delta, 2))
        if layer > 0:
            delta = (delta @ weights[layer].T) * (1 - activations[layer] ** 2)
    return norms[::-1]


def norms_squared(activations, weights, delta_out):
    norms, delta = [], delta_out
    for layer in reversed(range(len(weights))):
        norms.append(np.sum((activations[layer].T @ delta) ** 2))
        if layer > 0:
            delta = (delta @ weights[layer].T) * (1 - activations[layer] ** 2)
    return norms[::-1]


def norms_that_skip_the_first_layer(activations, weights, delta_out):
    norms, delta = [], delta_out
    for layer in range(len(weights) - 1, 0, -1):  # stops before layer 0
        norms.append(np.linalg.norm(activations[layer].T @ delta))
        delta = (delta @ weights[layer].T) * (1 - activations[layer] ** 2)
    return norms[::-1]


def norms_that_never_push_delta_back(activations, weights, delta_out):
    return [np.linalg.norm(a.T @ delta_out) for a in activations[:-1]]


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
        (chain_without_the_weights, "multiplies by the weight"),
        (chain_slope_at_the_input, "not at its input"),
        (chain_x_one_minus_x_of_the_net_input, "a sigmoid's *output*"),
        (chain_that_never_moves_a, "feed each layer's output into the next"),
        (lambda x, w, b: np.prod(np.abs(w)) / 4 ** len(w) + 0 * x, "that is the bound"),
        (chain_with_a_range_that_stops_early, "one factor is missing"),
        (chain_with_the_sigmoid_instead_of_its_slope, "the slope is σ'(z)"),
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
        (norms_last_layer_first, "reverse order"),
        (norms_without_the_tanh_slope, "BP2 multiplies by f'(z)"),
        (norms_with_tanh_applied_again, "don't apply tanh again"),
        (norms_without_the_transpose, "through the transpose"),
        (norms_with_the_spectral_norm, "Frobenius norm"),
        (norms_squared, "squared norm"),
        (norms_that_skip_the_first_layer, "one norm per layer of weights"),
        (norms_that_never_push_delta_back, "push it back through each layer"),
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
