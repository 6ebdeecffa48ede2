"""Wrong answers that the checks of lesson 06 must reject, each with the message a learner sees."""

from __future__ import annotations

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


# 6.4: a learner's backward pass, each with one mistake


def backward_without_the_output_slope(X, y, W1, b1, W2, b2):
    a1 = sigmoid(X @ W1 + b1)
    a2 = sigmoid(a1 @ W2 + b2)
    delta2 = 2 * (a2 - y) / a2.size
    delta1 = (delta2 @ W2.T) * a1 * (1 - a1)
    return X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0)


def backward_without_the_hidden_slope(X, y, W1, b1, W2, b2):
    a1 = sigmoid(X @ W1 + b1)
    a2 = sigmoid(a1 @ W2 + b2)
    delta2 = 2 * (a2 - y) / a2.size * a2 * (1 - a2)
    delta1 = delta2 @ W2.T
    return X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0)


def backward_without_the_transpose(X, y, W1, b1, W2, b2):
    a1 = sigmoid(X @ W1 + b1)
    a2 = sigmoid(a1 @ W2 + b2)
    delta2 = 2 * (a2 - y) / a2.size * a2 * (1 - a2)
    delta1 = (delta2 @ W2) * a1 * (1 - a1)
    return X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0)


def backward_with_y_minus_a(X, y, W1, b1, W2, b2):
    a1 = sigmoid(X @ W1 + b1)
    a2 = sigmoid(a1 @ W2 + b2)
    delta2 = 2 * (y - a2) / a2.size * a2 * (1 - a2)
    delta1 = (delta2 @ W2.T) * a1 * (1 - a1)
    return X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0)


def backward_without_the_two(X, y, W1, b1, W2, b2):
    a1 = sigmoid(X @ W1 + b1)
    a2 = sigmoid(a1 @ W2 + b2)
    delta2 = (a2 - y) / a2.size * a2 * (1 - a2)
    delta1 = (delta2 @ W2.T) * a1 * (1 - a1)
    return X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0)


def backward_averaging_over_rows(X, y, W1, b1, W2, b2):
    a1 = sigmoid(X @ W1 + b1)
    a2 = sigmoid(a1 @ W2 + b2)
    delta2 = 2 * (a2 - y) / len(X) * a2 * (1 - a2)
    delta1 = (delta2 @ W2.T) * a1 * (1 - a1)
    return X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0)


def backward_summing_biases_over_units(X, y, W1, b1, W2, b2):
    a1 = sigmoid(X @ W1 + b1)
    a2 = sigmoid(a1 @ W2 + b2)
    delta2 = 2 * (a2 - y) / a2.size * a2 * (1 - a2)
    delta1 = (delta2 @ W2.T) * a1 * (1 - a1)
    return X.T @ delta1, delta1.sum(axis=1), a1.T @ delta2, delta2.sum(axis=1)


def backward_returning_two_gradients(X, y, W1, b1, W2, b2):
    a1 = sigmoid(X @ W1 + b1)
    a2 = sigmoid(a1 @ W2 + b2)
    delta2 = 2 * (a2 - y) / a2.size * a2 * (1 - a2)
    return a1.T @ delta2, delta2.sum(axis=0)


def backward_with_a_three(X, y, W1, b1, W2, b2):
    a1 = sigmoid(X @ W1 + b1)
    a2 = sigmoid(a1 @ W2 + b2)
    delta2 = 3 * (a2 - y) / a2.size * a2 * (1 - a2)
    delta1 = (delta2 @ W2.T) * a1 * (1 - a1)
    return X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0)


def centred(f, x, h):
    """Centred differences, perturbing a copy of x."""
    numeric = np.zeros_like(x, dtype=float)
    for i in np.ndindex(x.shape):
        plus, minus = x.astype(float), x.astype(float)
        plus[i] += h
        minus[i] -= h
        numeric[i] = (f(plus) - f(minus)) / (2 * h)
    return numeric


def check_in_place_without_restoring(f, x, grad, h=1e-5):
    numeric = np.zeros_like(x, dtype=float)
    for i in np.ndindex(x.shape):
        x[i] += h
        f_plus = f(x)
        x[i] -= 2 * h
        f_minus = f(x)  # x[i] is never put back: it ends h below where it started
        numeric[i] = (f_plus - f_minus) / (2 * h)
    scale = np.maximum(np.abs(grad), np.abs(numeric))
    return float(np.max(np.divide(np.abs(grad - numeric), scale, where=scale > 0, out=0 * scale)))


def check_forward_difference(f, x, grad, h=1e-5):
    numeric = np.zeros_like(x, dtype=float)
    for i in np.ndindex(x.shape):
        plus = x.astype(float)
        plus[i] += h
        numeric[i] = (f(plus) - f(x)) / h
    scale = np.maximum(np.abs(grad), np.abs(numeric))
    return float(np.max(np.divide(np.abs(grad - numeric), scale, where=scale > 0, out=0 * scale)))


def check_without_zero_guard(f, x, grad, h=1e-5):
    numeric = centred(f, x, h)
    return float(np.max(np.abs(grad - numeric) / np.maximum(np.abs(grad), np.abs(numeric))))


def backward_by_finite_differences(X, y, W1, b1, W2, b2):
    """No backpropagation: every gradient measured by centred differences of the loss."""

    def loss(W1, b1, W2, b2):
        a2 = sigmoid(sigmoid(X @ W1 + b1) @ W2 + b2)
        return np.mean((a2 - y) ** 2)

    params = [W1, b1, W2, b2]
    grads = []
    for k in range(4):

        def loss_of(p, k=k):
            return loss(*params[:k], p, *params[k + 1 :])

        grads.append(centred(loss_of, params[k], 1e-5))
    return tuple(grads)


def tanh_backward(X, y, W1, b1, W2, b2, hidden_slope):
    a1 = np.tanh(X @ W1 + b1)
    a2 = sigmoid(a1 @ W2 + b2)
    delta2 = 2 * (a2 - y) / a2.size * a2 * (1 - a2)
    delta1 = (delta2 @ W2.T) * hidden_slope(a1)
    return X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0)


def tanh_backward_with_sigmoid_slope(X, y, W1, b1, W2, b2):
    return tanh_backward(X, y, W1, b1, W2, b2, lambda a: a * (1 - a))


def tanh_backward_without_hidden_slope(X, y, W1, b1, W2, b2):
    return tanh_backward(X, y, W1, b1, W2, b2, lambda a: 1.0)


def tanh_backward_with_tanh_twice(X, y, W1, b1, W2, b2):
    return tanh_backward(X, y, W1, b1, W2, b2, lambda a: 1 - np.tanh(a) ** 2)


# exercise id -> [(wrong answer, a piece of the message the learner must see)]
WRONG_ANSWERS = {
    "6.1": [
        (
            lambda a, y: 2 * (a - y) / a.size,
            "a backward pass that forgets the activation's derivative",
        ),
        (lambda a, y: 2 * (a - y) / a.size * sigmoid(a) * (1 - sigmoid(a)), "a is already σ(z)"),
        (lambda a, y: 2 * (y - a) / a.size * a * (1 - a), "the sign is flipped"),
        (lambda a, y: 2 * (a - y) / len(a) * a * (1 - a), "not over the m rows only"),
        (lambda a, y: (a - y) / a.size * a * (1 - a), "brings a factor 2"),
        (lambda a, y: 2 * (a - y) * a * (1 - a), "divide by n = a.size"),
    ],
    "6.2": [
        (lambda d, W, z, a: (d @ W) * a * (1 - a), "they only fit as δ_next @ W_next.T"),
        (lambda d, W, z, a: d @ W.T, "a backward pass that forgets the activation's derivative"),
        (lambda d, W, z, a: (d @ W.T) * z, "not by the net input z"),
        (lambda d, W, z, a: (d @ W.T) * z * (1 - z), "the x(1 - x) confusion"),
        (lambda d, W, z, a: (W @ d.T) * (a * (1 - a)).T, "that is the transpose of δ"),
        (lambda d, W, z, a: (d @ W.T) * a, "is a (1 - a), not a"),
        (lambda d, W, z, a: d * W.T * a * (1 - a), "Use the matrix product @"),
    ],
    "6.3": [
        (lambda a, d: (d.T @ a, d.sum(axis=0)), "dW is transposed"),
        (lambda a, d: (a.T @ d / len(a), d.mean(axis=0)), "do not average them again"),
        (lambda a, d: (a.T @ d, d), "the bias gradient is not summed"),
        (lambda a, d: (a.T @ d, d.sum(axis=1)), "summed over the units (axis=1)"),
        (lambda a, d: (a.T @ d, d.sum()), "shape (n_out,)"),
        (lambda a, d: (a.T @ d, d.sum(axis=0, keepdims=True)), "drop keepdims=True"),
        (lambda a, d: (a @ d, d.sum(axis=0)), "a_prev.T @ delta"),
        (lambda a, d: a.T @ d, "should return 2 values (dW, db)"),
    ],
    "6.4": [
        (backward_without_the_output_slope, "forgets the activation's derivative at the output"),
        (backward_without_the_hidden_slope, "forgets the activation's derivative in the hidden"),
        (backward_without_the_transpose, "only fit as δ2 @ W2.T"),
        (backward_with_y_minus_a, "the wrong sign"),
        (backward_without_the_two, "half as large"),
        (backward_averaging_over_rows, "not over the m rows"),
        (backward_summing_biases_over_units, "expected db1 of shape (2,)"),
        (backward_returning_two_gradients, "should return 4 values (dW1, db1, dW2, db2)"),
        (backward_by_finite_differences, "looks like a numerical approximation"),
        (backward_with_a_three, "every value you return is 1.5 times the expected one"),
    ],
    "6.5": [
        (check_forward_difference, "forward difference"),
        (check_in_place_without_restoring, "your function changed x"),
        (check_without_zero_guard, "count it as 0"),
        (
            lambda f, x, grad, h=1e-5: float(np.max(np.abs(grad - centred(f, x, h)))),
            "that is the absolute error",
        ),
        (
            lambda f, x, grad, h=1e-5: float(
                np.linalg.norm(grad - centred(f, x, h))
                / (np.linalg.norm(grad) + np.linalg.norm(centred(f, x, h)))
            ),
            "compare entry by entry",
        ),
        (
            lambda f, x, grad, h=1e-5: float(
                np.nanmax(np.abs(grad - centred(f, x, h)) / np.abs(grad))
            ),
            "not by |analytic| alone",
        ),
        (
            lambda f, x, grad, h=1e-5: np.abs(grad - centred(f, x, h)),
            "expected one number, but got an array",
        ),
        (
            lambda f, x, grad, h=1e-5: float(
                np.max(np.abs(grad - centred(f, x, h)))
                / max(np.max(np.abs(grad)), np.max(np.abs(centred(f, x, h))))
            ),
            "that entry's own scale",
        ),
    ],
    "6.6": [
        (lambda: "all equal, not zero", "no error reaches the hidden layer"),
        (lambda: "different from each other", "you predicted 'different from each other'"),
        (lambda: 0, "return one of 'all zero'"),
    ],
    "6.7": [
        (tanh_backward_with_sigmoid_slope, "the sigmoid's slope; the hidden layer is tanh now"),
        (tanh_backward_without_hidden_slope, "forgets the activation's derivative in the hidden"),
        (tanh_backward_with_tanh_twice, "a1 is already tanh(z1)"),
    ],
}
