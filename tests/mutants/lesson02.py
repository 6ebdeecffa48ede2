"""Wrong answers that the checks of lesson 02 must reject, each with the message a learner sees."""

from __future__ import annotations

import numpy as np


def step(z):
    return np.where(z >= 0, 1.0, 0.0)


def perceptron_update_strict(x, y, w, b, learning_rate):
    y_hat = 1.0 if np.dot(w, x) + b > 0 else 0.0  # step(0) taken as 0
    error = y - y_hat
    return w + learning_rate * error * x, b + learning_rate * error


# 2.1


def and_weights_for_every_gate(gate):
    return (np.array([1.0, 1.0]), -1.5)


def bias_too_negative(gate):
    return (np.array([1.0, 1.0]), -5.0)


def bias_too_large(gate):
    return (np.array([1.0, 1.0]), 0.5)


def nand_weights_for_every_gate(gate):
    return (np.array([-1.0, -1.0]), 1.5)


def weights_and_bias_in_one_list(gate):
    return [1.0, 1.0, -1.5]


def three_weights_for_two_inputs(gate):
    return np.array([1.0, 1.0, 1.0]), -1.5


# 2.2


def update_in_wrong_direction(x, y, w, b, r):
    return (
        w - r * (y - step(w @ x + b)) * x,
        b - r * (y - step(w @ x + b)),
    )


def update_without_learning_rate(x, y, w, b, r):
    return (w + (y - step(w @ x + b)) * x, b + (y - step(w @ x + b)))


def update_by_target_not_error(x, y, w, b, r):
    return (w + r * y * x, b + r * y)


def update_without_bias(x, y, w, b, r):
    return (w + r * (y - step(w @ x + b)) * x, b)


# 2.3


def separates_if_any_row_right(w, b, X, y):
    return bool(np.any(step(X @ w + b) == y))


def separates_with_strict_step(w, b, X, y):
    return bool(np.all(np.where(X @ w + b > 0, 1.0, 0.0) == y))


def separates_as_fraction_right(w, b, X, y):
    return float(np.mean(step(X @ w + b) == y))


# 2.5


def xor_as_or(X):
    return step(X.sum(axis=1) - 0.5)


def xor_as_and(X):
    return step(X.sum(axis=1) - 1.5)


def xor_as_nand(X):
    return step(-X.sum(axis=1) + 1.5)


def xor_without_output_step(X):
    return step(X.sum(axis=1) - 0.5) + step(-X.sum(axis=1) + 1.5)


# 2.4


def predict_one_line():
    return 1


def predict_four_lines():
    return 4


def predict_in_words():
    return "none"


# exercise id -> [(wrong answer, a piece of the message the learner must see)]
WRONG_ANSWERS = {
    "2.1": [
        (and_weights_for_every_gate, "for OR but the truth table says [0 1 1 1]"),
        (bias_too_negative, "It never fires"),
        (bias_too_large, "It always fires"),
        (nand_weights_for_every_gate, "Every answer is flipped"),
        (weights_and_bias_in_one_list, "should return (w, b)"),
        (three_weights_for_two_inputs, "expected weights of shape (2,)"),
    ],
    "2.2": [
        (perceptron_update_strict, "predict with >= 0, not > 0"),
        (
            update_in_wrong_direction,
            "goes the wrong way",
        ),
        (
            update_without_learning_rate,
            "learning rate η is missing",
        ),
        (update_by_target_not_error, "not the target y"),
        (update_without_bias, "the bias learns too"),
    ],
    "2.3": [
        (separates_if_any_row_right, "every row must be right"),
        (separates_with_strict_step, "use >= 0"),
        (separates_as_fraction_right, "return True or False"),
    ],
    "2.5": [
        (xor_as_or, "that is OR alone"),
        (xor_as_and, "that is AND"),
        (xor_as_nand, "that is NAND alone"),
        (
            xor_without_output_step,
            "through a step with a bias",
        ),
    ],
    "2.4": [
        (predict_one_line, "you predicted 1"),
        (predict_four_lines, "no line separates XOR"),
        (predict_in_words, "return a number"),
    ],
}
