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


def chain_with_the_absolute_weight(x, weights, biases):
    a = np.asarray(x, dtype=float)
    derivative = np.ones_like(a)
    for w, b in zip(weights, biases, strict=True):
        z = w * a + b
        derivative = derivative * abs(w) * sigmoid_derivative(z)  # |w| as in the bound
        a = sigmoid(z)
    return derivative


def chain_slope_of_the_output(x, weights, biases):
    a = np.asarray(x, dtype=float)
    derivative = np.ones_like(a)
    for w, b in zip(weights, biases, strict=True):
        a = sigmoid(w * a + b)
        derivative = derivative * w * sigmoid_derivative(a)  # σ' of the output, not of z
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


# 9.1


def chain_bound_not_derivative(x, w, b):
    return np.prod(np.abs(w)) / 4 ** len(w) + 0 * x


def chain_one_number_for_all(x, w, b):
    return 0.25 ** len(w)


# 9.2


def xavier_limit_from_variance(fi, fo, rng):
    return rng.uniform(-np.sqrt(2 / (fi + fo)), np.sqrt(2 / (fi + fo)), (fi, fo))


def xavier_limit_with_fan_in_only(fi, fo, rng):
    return rng.uniform(-np.sqrt(6 / fi), np.sqrt(6 / fi), (fi, fo))


def xavier_limit_without_root(fi, fo, rng):
    return rng.uniform(-6 / (fi + fo), 6 / (fi + fo), (fi, fo))


def xavier_normal(fi, fo, rng):
    return rng.normal(0, np.sqrt(2 / (fi + fo)), (fi, fo))


def xavier_normal_with_variance_as_std(fi, fo, rng):
    return rng.normal(0, 2 / (fi + fo), (fi, fo))


def xavier_transposed(fi, fo, rng):
    return rng.uniform(-np.sqrt(6 / (fi + fo)), np.sqrt(6 / (fi + fo)), (fo, fi))


def xavier_from_global_random(fi, fo, rng):
    return np.random.uniform(  # noqa: NPY002 (the mistake)
        -np.sqrt(6 / (fi + fo)), np.sqrt(6 / (fi + fo)), (fi, fo)
    )


def xavier_all_equal(fi, fo, rng):
    return np.full((fi, fo), np.sqrt(2 / (fi + fo)))


def xavier_positive_only(fi, fo, rng):
    return rng.uniform(0, np.sqrt(6 / (fi + fo)), (fi, fo))


# 9.3


def he_with_xavier_variance(fi, fo, rng):
    return rng.uniform(-np.sqrt(6 / (fi + fo)), np.sqrt(6 / (fi + fo)), (fi, fo))


def he_with_variance_as_std(fi, fo, rng):
    return rng.normal(0, 2 / fi, (fi, fo))


def he_as_lecun(fi, fo, rng):
    return rng.normal(0, np.sqrt(1 / fi), (fi, fo))


def he_with_fan_out(fi, fo, rng):
    return rng.normal(0, np.sqrt(2 / fo), (fi, fo))


def he_with_fixed_seed(fi, fo, rng):
    return np.random.default_rng(0).normal(0, np.sqrt(2 / fi), (fi, fo))


def he_transposed(fi, fo, rng):
    return rng.normal(0, np.sqrt(2 / fi), (fo, fi))


# 9.4


def dead_at_or_below_one(Z):
    return float(np.mean(np.all(Z <= 1, axis=0)))


def dead_below_half(Z):
    return float(np.mean(np.all(Z < 0.5, axis=0)))


def dead_below_tiny_threshold(Z):
    return float(np.mean((Z <= 1e-6).all(axis=0)))


def dead_if_silent_once(Z):
    return float(np.mean(np.any(Z <= 0, axis=0)))


def dead_only_if_negative(Z):
    return float(np.mean(np.all(Z < 0, axis=0)))


def dead_per_sample(Z):
    return float(np.mean(np.all(Z <= 0, axis=1)))


def dead_entries(Z):
    return float(np.mean(Z <= 0))


def dead_count(Z):
    return int(np.sum(np.all(Z <= 0, axis=0)))


def always_active_fraction(Z):
    return float(np.mean(np.all(Z > 0, axis=0)))


def dead_mask_per_unit(Z):
    return np.all(Z <= 0, axis=0)


# 9.6


def predict_an_explosion_like_the_tuned_chain():
    return "above 1000"


def predict_the_old_choice_about_a_tenth():
    return "about 0.1"


def predict_about_one():
    return "about 1"


def predict_as_number():
    return 1e-7


# exercise id -> [(wrong answer, a piece of the message the learner must see)]
WRONG_ANSWERS = {
    "9.1": [
        (chain_without_the_weights, "multiplies by the weight"),
        (chain_slope_at_the_input, "not at its input"),
        (chain_x_one_minus_x_of_the_net_input, "a sigmoid's *output*"),
        (chain_that_never_moves_a, "feed each layer's output into the next"),
        (chain_bound_not_derivative, "that is the bound"),
        (chain_with_a_range_that_stops_early, "one factor is missing"),
        (chain_with_the_sigmoid_instead_of_its_slope, "the slope is σ'(z)"),
        (chain_one_number_for_all, "expected an array of shape (6,), but got shape ()"),
        (chain_with_the_absolute_weight, "keep the sign of w_l"),
        (chain_slope_of_the_output, "not the output a_l = σ(z)"),
    ],
    "9.2": [
        (
            xavier_limit_from_variance,
            "variance r² / 3",
        ),
        (
            xavier_limit_with_fan_in_only,
            "that variance is 2 / fan_in",
        ),
        (
            xavier_limit_without_root,
            "square root is missing",
        ),
        (
            xavier_normal,
            "Glorot's *normal* version",
        ),
        (xavier_normal_with_variance_as_std, "is the *variance*"),
        (
            xavier_transposed,
            "Rows and columns are swapped",
        ),
        (
            xavier_from_global_random,
            "draw from the generator `rng`",
        ),
        (
            xavier_all_equal,
            "Every weight is the same number",
        ),
        (xavier_positive_only, "should be 0"),
    ],
    "9.3": [
        (
            xavier_normal,
            "that is Xavier's variance",
        ),
        (
            he_with_xavier_variance,
            "that is Xavier's variance",
        ),
        (he_with_variance_as_std, "2 / fan_in is the *variance*"),
        (he_as_lecun, "the factor 2 is missing"),
        (
            he_with_fan_out,
            "that variance is 2 / fan_out",
        ),
        (
            xavier_limit_with_fan_in_only,
            "they look uniform",
        ),
        (
            he_with_fixed_seed,
            "different seeds gave the same weights",
        ),
        (
            he_transposed,
            "Rows and columns are swapped",
        ),
    ],
    "9.4": [
        (dead_at_or_below_one, "(0 < z <= 1) is alive"),
        (dead_below_half, "(0 < z <= 1) is alive"),
        (dead_below_tiny_threshold, "compare with 0, not with another"),
        (dead_if_silent_once, "silent on *every* sample"),
        (dead_only_if_negative, "use z <= 0"),
        (dead_per_sample, "units are the columns"),
        (dead_entries, "fraction of silent *entries*"),
        (dead_count, "number of dead units"),
        (always_active_fraction, "fire on every sample"),
        (dead_mask_per_unit, "expected one number, but got an array of shape (6,)"),
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
        (predict_an_explosion_like_the_tuned_chain, "you predicted 'above 1000'"),
        (predict_about_one, "you predicted 'about 1'"),
        (predict_the_old_choice_about_a_tenth, "your prediction is 'about 0.1'"),
        (predict_as_number, "your prediction is 1e-07"),
    ],
    "9.7": [
        (tanh_chain_with_sigmoid_slope, "that is the sigmoid's derivative"),
        (tanh_chain_with_slope_of_net_input, "needs the layer's output a = tanh(z)"),
        (tanh_chain_without_carrying_a, "carry a forward"),
    ],
}
