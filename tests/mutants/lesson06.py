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


# 6.1


def output_delta_without_slope(a, y):
    return 2 * (a - y) / a.size


def output_delta_sigmoid_applied_again(a, y):
    return 2 * (a - y) / a.size * sigmoid(a) * (1 - sigmoid(a))


def output_delta_sign_flipped(a, y):
    return 2 * (y - a) / a.size * a * (1 - a)


def output_delta_over_rows(a, y):
    return 2 * (a - y) / len(a) * a * (1 - a)


def output_delta_without_two(a, y):
    return (a - y) / a.size * a * (1 - a)


def output_delta_not_averaged(a, y):
    return 2 * (a - y) * a * (1 - a)


# 6.2


def hidden_delta_without_transpose(d, W, z, a):
    return (d @ W) * a * (1 - a)


def hidden_delta_without_slope(d, W, z, a):
    return d @ W.T


def hidden_delta_times_net_input(d, W, z, a):
    return (d @ W.T) * z


def hidden_delta_slope_of_net_input(d, W, z, a):
    return (d @ W.T) * z * (1 - z)


def hidden_delta_transposed(d, W, z, a):
    return (W @ d.T) * (a * (1 - a)).T


def hidden_delta_times_activation(d, W, z, a):
    return (d @ W.T) * a


def hidden_delta_elementwise_product(d, W, z, a):
    return d * W.T * a * (1 - a)


# 6.3


def layer_gradients_dw_transposed(a, d):
    return (d.T @ a, d.sum(axis=0))


def layer_gradients_averaged(a, d):
    return (a.T @ d / len(a), d.mean(axis=0))


def layer_gradients_db_not_summed(a, d):
    return (a.T @ d, d)


def layer_gradients_db_over_units(a, d):
    return (a.T @ d, d.sum(axis=1))


def layer_gradients_db_summed_over_all(a, d):
    return (a.T @ d, d.sum())


def layer_gradients_db_keepdims(a, d):
    return (a.T @ d, d.sum(axis=0, keepdims=True))


def layer_gradients_without_transpose(a, d):
    return (a @ d, d.sum(axis=0))


def layer_gradients_without_db(a, d):
    return a.T @ d


# 6.5


def gradient_check_absolute_error(f, x, grad, h=1e-5):
    return float(np.max(np.abs(grad - centred(f, x, h))))


def gradient_check_ratio_of_norms(f, x, grad, h=1e-5):
    return float(
        np.linalg.norm(grad - centred(f, x, h))
        / (np.linalg.norm(grad) + np.linalg.norm(centred(f, x, h)))
    )


def gradient_check_over_analytic(f, x, grad, h=1e-5):
    return float(np.nanmax(np.abs(grad - centred(f, x, h)) / np.abs(grad)))


def gradient_check_every_entry(f, x, grad, h=1e-5):
    return np.abs(grad - centred(f, x, h))


def gradient_check_one_overall_scale(f, x, grad, h=1e-5):
    return float(
        np.max(np.abs(grad - centred(f, x, h)))
        / max(np.max(np.abs(grad)), np.max(np.abs(centred(f, x, h))))
    )


# 6.6


def predict_all_equal():
    return "all equal, not zero"


def predict_all_different():
    return "different from each other"


def predict_zero_as_number():
    return 0


# exercise id -> [(wrong answer, a piece of the message the learner must see)]
WRONG_ANSWERS = {
    "6.1": [
        (
            output_delta_without_slope,
            "a backward pass that forgets the activation's derivative",
        ),
        (output_delta_sigmoid_applied_again, "a is already σ(z)"),
        (output_delta_sign_flipped, "the sign is flipped"),
        (output_delta_over_rows, "not over the m rows only"),
        (output_delta_without_two, "brings a factor 2"),
        (output_delta_not_averaged, "divide by n = a.size"),
    ],
    "6.2": [
        (hidden_delta_without_transpose, "they only fit as δ_next @ W_next.T"),
        (hidden_delta_without_slope, "a backward pass that forgets the activation's derivative"),
        (hidden_delta_times_net_input, "not by the net input z"),
        (hidden_delta_slope_of_net_input, "the x(1 - x) confusion"),
        (hidden_delta_transposed, "that is the transpose of δ"),
        (hidden_delta_times_activation, "is a (1 - a), not a"),
        (hidden_delta_elementwise_product, "Use the matrix product @"),
    ],
    "6.3": [
        (layer_gradients_dw_transposed, "dW is transposed"),
        (layer_gradients_averaged, "do not average them again"),
        (layer_gradients_db_not_summed, "the bias gradient is not summed"),
        (layer_gradients_db_over_units, "summed over the units (axis=1)"),
        (layer_gradients_db_summed_over_all, "shape (n_out,)"),
        (layer_gradients_db_keepdims, "drop keepdims=True"),
        (layer_gradients_without_transpose, "a_prev.T @ delta"),
        (layer_gradients_without_db, "should return 2 values (dW, db)"),
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
            gradient_check_absolute_error,
            "that is the absolute error",
        ),
        (
            gradient_check_ratio_of_norms,
            "compare entry by entry",
        ),
        (
            gradient_check_over_analytic,
            "not by |analytic| alone",
        ),
        (
            gradient_check_every_entry,
            "expected one number, but got an array",
        ),
        (
            gradient_check_one_overall_scale,
            "that entry's own scale",
        ),
    ],
    "6.6": [
        (predict_all_equal, "no error reaches the hidden layer"),
        (predict_all_different, "you predicted 'different from each other'"),
        (predict_zero_as_number, "return one of 'all zero'"),
    ],
    "6.7": [
        (tanh_backward_with_sigmoid_slope, "the sigmoid's slope; the hidden layer is tanh now"),
        (tanh_backward_without_hidden_slope, "forgets the activation's derivative in the hidden"),
        (tanh_backward_with_tanh_twice, "a1 is already tanh(z1)"),
    ],
}
