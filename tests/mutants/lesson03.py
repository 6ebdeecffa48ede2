"""Wrong answers that the checks of lesson 03 must reject, each with the message a learner sees."""

from __future__ import annotations

import math

import numpy as np


def stable(z):
    e = np.exp(-np.abs(z))
    return np.where(np.asarray(z) >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid_with_overflow_silenced(z):
    with np.errstate(over="ignore"):  # hides the warning; 1 / (1 + inf) still gives 0
        return 1 / (1 + np.exp(-z))


def sigmoid_with_warnings_filtered(z):
    import warnings

    warnings.simplefilter("ignore")
    return 1 / (1 + np.exp(-z))


def sigmoid_neuron_with_overflow_silenced(X, w, b):
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-(X @ w + b)))


def sigmoid_clipped(z):
    z = np.clip(z, -500, 500)  # avoids the overflow, but σ(-720) becomes σ(-500)
    return 1 / (1 + np.exp(-z))


def sigmoid_both_forms_with_errstate(z):
    with np.errstate(all="ignore"):  # np.where computes both forms; the warnings are hidden
        return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))


def sigmoid_from_the_course(z):
    from neuronlab.activations import sigmoid

    return sigmoid(z)


def sigmoid_one_minus_for_negatives(z):
    s = 1 / (1 + np.exp(-np.abs(z)))
    return np.where(z >= 0, s, 1 - s)


def predict_ten_times_steeper():
    return 46  # as if k were proportional to 1 / tolerance


def predict_the_same_k():
    return 4.6


def predict_a_hundred_times_steeper():
    return 460


# exercise id -> [(wrong answer, a piece of the message the learner must see)]
WRONG_ANSWERS = {
    "3.1": [
        (sigmoid_with_overflow_silenced, "the overflow was silenced, not avoided"),
        (sigmoid_with_warnings_filtered, "uses simplefilter"),
        (sigmoid_both_forms_with_errstate, "the overflow was silenced, not avoided"),
        (sigmoid_from_the_course, "calls the course's own sigmoid"),
        (sigmoid_one_minus_for_negatives, "the subtraction rounds a tiny σ(z) to 0"),
        (sigmoid_clipped, "expected 0 (at index (2,)), but got 7.12457640674e-218"),
        (lambda z: 1 / (1 + np.exp(-z)), "np.exp(-z) at z = -1000 is e^1000"),
        (
            lambda z: np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z))),
            "np.where computes both branches",
        ),
        (lambda z: np.exp(z) / (1 + np.exp(z)), "np.where computes both branches"),
        (lambda z: 1 / (1 + np.exp(z)), "check the sign of the exponent"),
        (lambda z: stable(np.asarray(z, dtype=float)), "expected dtype float32"),
        (lambda z: np.tanh(z), "that is tanh"),
        (lambda z: stable(np.abs(z)), "for z < 0 your function gives σ(|z|)"),
        (lambda z: np.where(z >= 0, 1.0, 0.0), "that is the step function"),
        (lambda z: 1 / (1 + math.exp(-z)), "raised TypeError"),
        (lambda z: None, "Did you forget `return`?"),
    ],
    "3.2": [
        (sigmoid_neuron_with_overflow_silenced, "the overflow was silenced, not avoided"),
        (lambda X, w, b: stable(X @ w), "the bias b is missing"),
        (lambda X, w, b: stable(X @ w - b), "not subtracted"),
        (lambda X, w, b: X @ w + b, "that is the net input z"),
        (lambda X, w, b: np.where(X @ w + b >= 0, 1.0, 0.0), "the step neuron of lesson 02"),
        (lambda X, w, b: stable(X) @ w + b, "not on the inputs"),
        (lambda X, w, b: stable(X @ w + b).reshape(-1, 1), "expected an array of shape (4,)"),
        (lambda X, w, b: 1 / (1 + np.exp(-(X @ w + b))), "Or use activations.sigmoid"),
        (lambda X, w, b: stable(np.asarray(X, dtype=float) @ w + b), "expected dtype float32"),
    ],
    "3.3": [
        (lambda p: np.log((1 - p) / p), "the sign is flipped"),
        (lambda p: np.log(p), "ln(p) alone is not enough"),
        (lambda p: np.log10(p / (1 - p)), "use the natural logarithm"),
        (lambda p: p / (1 - p), "that is the odds"),
        (lambda p: stable(p), "that is σ(p)"),
        (lambda p: np.log(p / (1 - p)).astype(np.float64), "expected dtype float32"),
    ],
    "3.4": [
        (lambda m, t: np.log(1 / t) / m, "an approximation for small tolerances"),
        (lambda m, t: np.log((1 - t) / t) * m, "divide by the margin"),
        (lambda m, t: np.log(t / (1 - t)) / m, "a negative k flips the sigmoid"),
        (lambda m, t: np.log10((1 - t) / t) / m, "not np.log10"),
        (lambda m, t: (1 - t) / t / m, "take its natural logarithm"),
    ],
    "3.5": [
        (predict_ten_times_steeper, "grows only like the logarithm"),
        (predict_the_same_k, "you predicted 4.6"),
        (predict_a_hundred_times_steeper, "adds about ln 10"),
    ],
}
