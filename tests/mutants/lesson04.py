"""Wrong answers that the checks of lesson 04 must reject, each with the message a learner sees."""

from __future__ import annotations

import numpy as np


def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(np.asarray(z) >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid_derivative(z):
    s = sigmoid(z)
    return s * (1 - s)


def prime_from_output(s):
    return s * (1 - s)


# 4.5: a learner's gradient descent step, each with one mistake


def step_uphill(w, b, X, y, learning_rate):
    a = sigmoid(X @ w + b)
    delta = 2 * (a - y) / len(y) * a * (1 - a)
    return w + learning_rate * X.T @ delta, b + learning_rate * delta.sum()


def step_with_y_minus_a(w, b, X, y, learning_rate):
    a = sigmoid(X @ w + b)
    delta = 2 * (y - a) / len(y) * a * (1 - a)
    return w - learning_rate * X.T @ delta, b - learning_rate * delta.sum()


def step_with_z_one_minus_z(w, b, X, y, learning_rate):
    z = X @ w + b
    a = sigmoid(z)
    delta = 2 * (a - y) / len(y) * z * (1 - z)
    return w - learning_rate * X.T @ delta, b - learning_rate * delta.sum()


def step_without_the_sigmoid_slope(w, b, X, y, learning_rate):
    a = sigmoid(X @ w + b)
    delta = 2 * (a - y) / len(y)
    return w - learning_rate * X.T @ delta, b - learning_rate * delta.sum()


def step_with_a_sum_not_a_mean(w, b, X, y, learning_rate):
    a = sigmoid(X @ w + b)
    delta = 2 * (a - y) * a * (1 - a)
    return w - learning_rate * X.T @ delta, b - learning_rate * delta.sum()


def step_without_the_two(w, b, X, y, learning_rate):
    a = sigmoid(X @ w + b)
    delta = (a - y) / len(y) * a * (1 - a)
    return w - learning_rate * X.T @ delta, b - learning_rate * delta.sum()


def step_that_forgets_the_bias(w, b, X, y, learning_rate):
    a = sigmoid(X @ w + b)
    delta = 2 * (a - y) / len(y) * a * (1 - a)
    return w - learning_rate * X.T @ delta, b


def step_without_the_learning_rate(w, b, X, y, learning_rate):
    a = sigmoid(X @ w + b)
    delta = 2 * (a - y) / len(y) * a * (1 - a)
    return w - X.T @ delta, b - delta.sum()


def step_returning_only_w(w, b, X, y, learning_rate):
    a = sigmoid(X @ w + b)
    delta = 2 * (a - y) / len(y) * a * (1 - a)
    return w - learning_rate * X.T @ delta


def step_one_and_a_half_times_too_far(w, b, X, y, learning_rate):
    a = sigmoid(X @ w + b)
    delta = 3 * (a - y) / len(y) * a * (1 - a)
    return w - learning_rate * X.T @ delta, b - learning_rate * delta.sum()


def raises_assertion(s):
    assert np.all((s >= 0) & (s <= 1)), "not a sigmoid output"
    return s * (1 - s)


# exercise id -> [(wrong answer, a piece of the message the learner must see)]
WRONG_ANSWERS = {
    "4.1": [
        (lambda z: z * (1 - z), "that is z (1 - z), the formula applied to the net input z"),
        (lambda z: sigmoid(z), "that is σ(z) itself"),
        (lambda z: sigmoid_derivative(sigmoid(z)), "you applied the sigmoid twice"),
        (lambda z: 1 - sigmoid(z) ** 2, "tanh's derivative"),
        (lambda z: -sigmoid_derivative(z), "the sign is flipped"),
        (lambda z: np.exp(-z) / (1 + np.exp(-z)) ** 2, "np.exp(-z) at z = -1000 is e^1000"),
        (
            lambda z: (1 / (1 + np.exp(-z))) * (1 - 1 / (1 + np.exp(-z))),
            "np.exp(-z) at z = -1000 is e^1000",
        ),
        (lambda z: sigmoid_derivative(np.asarray(z, dtype=float)), "expected dtype float32"),
        (lambda z: sigmoid(z) * (1 - sigmoid(z)) / 2, "centred difference"),
    ],
    "4.2": [
        (lambda s: sigmoid_derivative(s), "s is already the sigmoid's output"),
        (lambda s: s * (1 + s), "check the sign inside the bracket"),
        (lambda s: 1 - s**2, "tanh's derivative"),
        (lambda s: s, "that is s itself"),
        (prime_from_output, "expected a ValueError"),
        (lambda s: prime_from_output(np.clip(s, 0, 1)), "expected a ValueError"),
        (raises_assertion, "raised AssertionError"),
    ],
    "4.3": [
        (lambda f, z, h: (f(z + h) - f(z)) / h, "the forward difference"),
        (lambda f, z, h: (f(z) - f(z - h)) / h, "the backward difference"),
        (lambda f, z, h: (f(z + h) - f(z - h)) / h, "divide by 2h"),
        (lambda f, z, h: (f(z - h) - f(z + h)) / (2 * h), "the sign is flipped"),
        (lambda f, z, h: f(z + h) - f(z - h) / (2 * h), "mind the brackets"),
    ],
    "4.4": [
        (lambda a, b: float(np.max(np.abs(a - b))), "that is the absolute error"),
        (lambda a, b: float(np.max(np.abs(a - b) / np.abs(a))), "not by |a| alone"),
        (lambda a, b: float(np.max(np.abs(a - b) / np.abs(b))), "not by |b| alone"),
        (
            lambda a, b: float(np.max(np.abs(a - b) / (np.abs(a) + np.abs(b)))),
            "not by their sum",
        ),
        (
            lambda a, b: (
                float(np.linalg.norm(np.ravel(a) - np.ravel(b)))
                / max(float(np.linalg.norm(np.ravel(a))), float(np.linalg.norm(np.ravel(b))))
            ),
            "compares whole vectors by their norms",
        ),
        (
            lambda a, b: float(np.mean(np.abs(a - b) / np.maximum(np.abs(a), np.abs(b)))),
            "not the mean",
        ),
        (
            lambda a, b: float(np.max(np.abs(a - b) / np.maximum(np.abs(a), np.abs(b)))),
            "the ratio is 0 / 0",
        ),
        (
            lambda a, b: np.abs(a - b) / np.maximum(np.maximum(np.abs(a), np.abs(b)), 1e-300),
            "return one number, the largest ratio",
        ),
    ],
    "4.5": [
        (step_uphill, "your step goes uphill"),
        (step_with_y_minus_a, "your step goes uphill"),
        (step_with_z_one_minus_z, "you used z (1 - z)"),
        (step_without_the_sigmoid_slope, "the chain rule needs σ'(z)"),
        (step_with_a_sum_not_a_mean, "divide the gradient by n"),
        (step_without_the_two, "the factor 2 is missing"),
        (step_that_forgets_the_bias, "the bias learns too"),
        (step_without_the_learning_rate, "the learning rate η is missing"),
        (step_returning_only_w, "should return 2 values (new_w, new_b)"),
        (step_one_and_a_half_times_too_far, "measured with centred differences"),
    ],
    "4.6": [
        (lambda: 0.1, "its error is h²"),
        (lambda: 0.0, "you predicted 0"),
        (lambda: 3.01, "you predicted 3.01"),
    ],
    "4.7": [
        (lambda z: 2 * sigmoid(z), "multiplies it by the inner derivative"),
        (lambda z: (sigmoid(z) * (1 - sigmoid(z))) ** 2, "not the square of the derivative"),
        (lambda z: 2 * z * sigmoid(z) * (1 - sigmoid(z)), "not 2z"),
        (lambda z: sigmoid(z) ** 2 * (1 - sigmoid(z)), "a factor 2 missing"),
    ],
}
