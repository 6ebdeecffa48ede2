"""Wrong answers that the checks of lesson 06 must reject, each with the message a learner sees."""

from __future__ import annotations

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


# 6.4: a learner's backward pass through two hidden layers, each with one mistake


def backward_without_the_output_slope(X, y, W1, b1, W2, b2, W3, b3):
    a1 = sigmoid(X @ W1 + b1)
    a2 = sigmoid(a1 @ W2 + b2)
    a3 = sigmoid(a2 @ W3 + b3)
    delta3 = 2 * (a3 - y) / a3.size
    delta2 = (delta3 @ W3.T) * a2 * (1 - a2)
    delta1 = (delta2 @ W2.T) * a1 * (1 - a1)
    return (X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0),
            a2.T @ delta3, delta3.sum(axis=0))  # fmt: skip


def backward_without_the_hidden_slopes(X, y, W1, b1, W2, b2, W3, b3):
    a1 = sigmoid(X @ W1 + b1)
    a2 = sigmoid(a1 @ W2 + b2)
    a3 = sigmoid(a2 @ W3 + b3)
    delta3 = 2 * (a3 - y) / a3.size * a3 * (1 - a3)
    delta2 = delta3 @ W3.T
    delta1 = delta2 @ W2.T
    return (X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0),
            a2.T @ delta3, delta3.sum(axis=0))  # fmt: skip


def backward_without_the_first_hidden_slope(X, y, W1, b1, W2, b2, W3, b3):
    a1 = sigmoid(X @ W1 + b1)
    a2 = sigmoid(a1 @ W2 + b2)
    a3 = sigmoid(a2 @ W3 + b3)
    delta3 = 2 * (a3 - y) / a3.size * a3 * (1 - a3)
    delta2 = (delta3 @ W3.T) * a2 * (1 - a2)
    delta1 = delta2 @ W2.T
    return (X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0),
            a2.T @ delta3, delta3.sum(axis=0))  # fmt: skip


def backward_pushing_delta3_back_twice(X, y, W1, b1, W2, b2, W3, b3):
    a1 = sigmoid(X @ W1 + b1)
    a2 = sigmoid(a1 @ W2 + b2)
    a3 = sigmoid(a2 @ W3 + b3)
    delta3 = 2 * (a3 - y) / a3.size * a3 * (1 - a3)
    delta2 = (delta3 @ W3.T) * a2 * (1 - a2)
    delta1 = (delta3 @ W3.T) * a1 * (1 - a1)  # the lesson's one BP2 line, copied for both
    return (X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0),
            a2.T @ delta3, delta3.sum(axis=0))  # fmt: skip


def backward_pairing_delta_with_the_layers_output(X, y, W1, b1, W2, b2, W3, b3):
    a1 = sigmoid(X @ W1 + b1)
    a2 = sigmoid(a1 @ W2 + b2)
    a3 = sigmoid(a2 @ W3 + b3)
    delta3 = 2 * (a3 - y) / a3.size * a3 * (1 - a3)
    delta2 = (delta3 @ W3.T) * a2 * (1 - a2)
    delta1 = (delta2 @ W2.T) * a1 * (1 - a1)
    return (a1.T @ delta1, delta1.sum(axis=0), a2.T @ delta2, delta2.sum(axis=0),
            a3.T @ delta3, delta3.sum(axis=0))  # fmt: skip


def backward_without_the_transposes(X, y, W1, b1, W2, b2, W3, b3):
    a1 = sigmoid(X @ W1 + b1)
    a2 = sigmoid(a1 @ W2 + b2)
    a3 = sigmoid(a2 @ W3 + b3)
    delta3 = 2 * (a3 - y) / a3.size * a3 * (1 - a3)
    delta2 = (delta3 @ W3) * a2 * (1 - a2)
    delta1 = (delta2 @ W2) * a1 * (1 - a1)
    return (X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0),
            a2.T @ delta3, delta3.sum(axis=0))  # fmt: skip


def backward_with_y_minus_a(X, y, W1, b1, W2, b2, W3, b3):
    a1 = sigmoid(X @ W1 + b1)
    a2 = sigmoid(a1 @ W2 + b2)
    a3 = sigmoid(a2 @ W3 + b3)
    delta3 = 2 * (y - a3) / a3.size * a3 * (1 - a3)
    delta2 = (delta3 @ W3.T) * a2 * (1 - a2)
    delta1 = (delta2 @ W2.T) * a1 * (1 - a1)
    return (X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0),
            a2.T @ delta3, delta3.sum(axis=0))  # fmt: skip


def backward_without_the_two(X, y, W1, b1, W2, b2, W3, b3):
    a1 = sigmoid(X @ W1 + b1)
    a2 = sigmoid(a1 @ W2 + b2)
    a3 = sigmoid(a2 @ W3 + b3)
    delta3 = (a3 - y) / a3.size * a3 * (1 - a3)
    delta2 = (delta3 @ W3.T) * a2 * (1 - a2)
    delta1 = (delta2 @ W2.T) * a1 * (1 - a1)
    return (X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0),
            a2.T @ delta3, delta3.sum(axis=0))  # fmt: skip


def backward_averaging_over_rows(X, y, W1, b1, W2, b2, W3, b3):
    a1 = sigmoid(X @ W1 + b1)
    a2 = sigmoid(a1 @ W2 + b2)
    a3 = sigmoid(a2 @ W3 + b3)
    delta3 = 2 * (a3 - y) / len(X) * a3 * (1 - a3)
    delta2 = (delta3 @ W3.T) * a2 * (1 - a2)
    delta1 = (delta2 @ W2.T) * a1 * (1 - a1)
    return (X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0),
            a2.T @ delta3, delta3.sum(axis=0))  # fmt: skip


def backward_averaging_the_gradients_again(X, y, W1, b1, W2, b2, W3, b3):
    a1 = sigmoid(X @ W1 + b1)
    a2 = sigmoid(a1 @ W2 + b2)
    a3 = sigmoid(a2 @ W3 + b3)
    delta3 = 2 * (a3 - y) / a3.size * a3 * (1 - a3)
    delta2 = (delta3 @ W3.T) * a2 * (1 - a2)
    delta1 = (delta2 @ W2.T) * a1 * (1 - a1)
    m = len(X)
    return (X.T @ delta1 / m, delta1.mean(axis=0), a1.T @ delta2 / m, delta2.mean(axis=0),
            a2.T @ delta3 / m, delta3.mean(axis=0))  # fmt: skip


def backward_summing_biases_over_units(X, y, W1, b1, W2, b2, W3, b3):
    a1 = sigmoid(X @ W1 + b1)
    a2 = sigmoid(a1 @ W2 + b2)
    a3 = sigmoid(a2 @ W3 + b3)
    delta3 = 2 * (a3 - y) / a3.size * a3 * (1 - a3)
    delta2 = (delta3 @ W3.T) * a2 * (1 - a2)
    delta1 = (delta2 @ W2.T) * a1 * (1 - a1)
    return (X.T @ delta1, delta1.sum(axis=1), a1.T @ delta2, delta2.sum(axis=1),
            a2.T @ delta3, delta3.sum(axis=1))  # fmt: skip


def backward_for_one_hidden_layer_only(X, y, W1, b1, W2, b2, W3, b3):
    a1 = sigmoid(X @ W1 + b1)
    a2 = sigmoid(a1 @ W2 + b2)
    a3 = sigmoid(a2 @ W3 + b3)
    delta3 = 2 * (a3 - y) / a3.size * a3 * (1 - a3)
    delta2 = (delta3 @ W3.T) * a2 * (1 - a2)
    return a1.T @ delta2, delta2.sum(axis=0), a2.T @ delta3, delta3.sum(axis=0)


def backward_with_a_three(X, y, W1, b1, W2, b2, W3, b3):
    a1 = sigmoid(X @ W1 + b1)
    a2 = sigmoid(a1 @ W2 + b2)
    a3 = sigmoid(a2 @ W3 + b3)
    delta3 = 3 * (a3 - y) / a3.size * a3 * (1 - a3)
    delta2 = (delta3 @ W3.T) * a2 * (1 - a2)
    delta1 = (delta2 @ W2.T) * a1 * (1 - a1)
    return (X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0),
            a2.T @ delta3, delta3.sum(axis=0))  # fmt: skip


def backward_wrapping_the_packages_mlp(X, y, W1, b1, W2, b2, W3, b3):
    from neuronlab.network import MLP

    net = MLP([W1.shape[0], W1.shape[1], W2.shape[1], W3.shape[1]], "sigmoid")
    net.weights, net.biases = [W1, W2, W3], [b1, b2, b3]
    grads_W, grads_b = net.backward(net.forward_with_cache(X), y, loss="mse")
    return grads_W[0], grads_b[0], grads_W[1], grads_b[1], grads_W[2], grads_b[2]


def backward_by_the_value_engine(X, y, W1, b1, W2, b2, W3, b3):
    from neuronlab.autodiff import Value

    def values(array):
        return [values(row) for row in array] if np.ndim(array) == 2 else [Value(v) for v in array]

    params = [values(p) for p in (W1, b1, W2, b2, W3, b3)]
    cost = 0
    for x_row, y_row in zip(X, y, strict=True):
        a = list(x_row)
        for W, b in zip(params[::2], params[1::2], strict=True):
            a = [
                (sum(a[i] * W[i][j] for i in range(len(a))) + b[j]).sigmoid() for j in range(len(b))
            ]
        cost = cost + sum((a_j - t) ** 2 for a_j, t in zip(a, y_row, strict=True))
    (cost / y.size).backward()

    def grads(p):
        return np.array(
            [grads(row) for row in p] if isinstance(p[0], list) else [v.grad for v in p]
        )

    return tuple(grads(p) for p in params)


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


def backward_by_finite_differences(X, y, W1, b1, W2, b2, W3, b3):
    """No backpropagation: every gradient measured by centred differences of the loss."""

    def loss(W1, b1, W2, b2, W3, b3):
        a3 = sigmoid(sigmoid(sigmoid(X @ W1 + b1) @ W2 + b2) @ W3 + b3)
        return np.mean((a3 - y) ** 2)

    params = [W1, b1, W2, b2, W3, b3]
    grads = []
    for k in range(6):

        def loss_of(p, k=k):
            return loss(*params[:k], p, *params[k + 1 :])

        grads.append(centred(loss_of, params[k], 1e-5))
    return tuple(grads)


def tanh_backward(X, y, W1, b1, W2, b2, W3, b3, slope1, slope2, output_slope=None):
    a1 = np.tanh(X @ W1 + b1)
    a2 = np.tanh(a1 @ W2 + b2)
    a3 = sigmoid(a2 @ W3 + b3)
    delta3 = 2 * (a3 - y) / a3.size * (output_slope or (lambda a: a * (1 - a)))(a3)
    delta2 = (delta3 @ W3.T) * slope2(a2)
    delta1 = (delta2 @ W2.T) * slope1(a1)
    return (X.T @ delta1, delta1.sum(axis=0), a1.T @ delta2, delta2.sum(axis=0),
            a2.T @ delta3, delta3.sum(axis=0))  # fmt: skip


def tanh_backward_with_sigmoid_slope(X, y, W1, b1, W2, b2, W3, b3):
    return tanh_backward(X, y, W1, b1, W2, b2, W3, b3, lambda a: a * (1 - a), lambda a: a * (1 - a))


def tanh_backward_with_sigmoid_slope_in_the_first_layer(X, y, W1, b1, W2, b2, W3, b3):
    return tanh_backward(X, y, W1, b1, W2, b2, W3, b3, lambda a: a * (1 - a), lambda a: 1 - a**2)


def tanh_backward_with_a_tanh_output_slope(X, y, W1, b1, W2, b2, W3, b3):
    tanh_slope = lambda a: 1 - a**2  # noqa: E731
    return tanh_backward(X, y, W1, b1, W2, b2, W3, b3, tanh_slope, tanh_slope, tanh_slope)


def tanh_backward_without_hidden_slope(X, y, W1, b1, W2, b2, W3, b3):
    return tanh_backward(X, y, W1, b1, W2, b2, W3, b3, lambda a: 1.0, lambda a: 1.0)


def tanh_backward_with_tanh_twice(X, y, W1, b1, W2, b2, W3, b3):
    again = lambda a: 1 - np.tanh(a) ** 2  # noqa: E731
    return tanh_backward(X, y, W1, b1, W2, b2, W3, b3, again, again)


def tanh_backward_wrapping_the_packages_mlp(X, y, W1, b1, W2, b2, W3, b3):
    from neuronlab.network import MLP

    net = MLP([W1.shape[0], W1.shape[1], W2.shape[1], W3.shape[1]], ["tanh", "tanh", "sigmoid"])
    net.weights, net.biases = [W1, W2, W3], [b1, b2, b3]
    grads_W, grads_b = net.backward(net.forward_with_cache(X), y, loss="mse")
    return grads_W[0], grads_b[0], grads_W[1], grads_b[1], grads_W[2], grads_b[2]


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


def hidden_delta_without_transpose(d, W, z):
    a = sigmoid(z)
    return (d @ W) * a * (1 - a)


def hidden_delta_without_slope(d, W, z):
    return d @ W.T


def hidden_delta_times_net_input(d, W, z):
    return (d @ W.T) * z


def hidden_delta_slope_of_net_input(d, W, z):
    return (d @ W.T) * z * (1 - z)


def hidden_delta_transposed(d, W, z):
    a = sigmoid(z)
    return (W @ d.T) * (a * (1 - a)).T


def hidden_delta_times_activation(d, W, z):
    return (d @ W.T) * sigmoid(z)


def hidden_delta_one_minus_net_input(d, W, z):
    return (d @ W.T) * sigmoid(z) * (1 - z)


def hidden_delta_elementwise_product(d, W, z):
    a = sigmoid(z)
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


def gradient_check_with_the_packages_functions(f, x, grad, h=1e-5):
    from neuronlab.gradcheck import numerical_gradient, relative_error

    return relative_error(grad, numerical_gradient(f, x, h))


def check_divide_without_out(f, x, grad, h=1e-5):
    numeric = centred(f, x, h)
    scale = np.maximum(np.abs(grad), np.abs(numeric))
    return float(np.max(np.divide(np.abs(grad - numeric), scale, where=scale > 0)))


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
        (hidden_delta_times_activation, "not σ(z)."),
        (hidden_delta_one_minus_net_input, "1 - σ(z), not 1 - z"),
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
        (backward_without_the_hidden_slopes, "in both hidden layers"),
        (backward_without_the_first_hidden_slope, "in the first hidden layer"),
        (backward_pushing_delta3_back_twice, "one layer at a time"),
        (backward_pairing_delta_with_the_layers_output, "with the layer's input, not its output"),
        (backward_without_the_transposes, "only fit as δ3 @ W3.T"),
        (backward_with_y_minus_a, "the wrong sign"),
        (backward_without_the_two, "half as large"),
        (backward_averaging_over_rows, "not over the m rows"),
        (backward_averaging_the_gradients_again, "they do not average again"),
        (backward_summing_biases_over_units, "expected db1 of shape (3,)"),
        (
            backward_for_one_hidden_layer_only,
            "should return 6 values (dW1, db1, dW2, db2, dW3, db3)",
        ),
        (backward_by_finite_differences, "looks like a numerical approximation"),
        (backward_with_a_three, "every value you return is 1.5 times the expected one"),
        (backward_wrapping_the_packages_mlp, "the course's own MLP from neuronlab.network"),
        (backward_by_the_value_engine, "the course's own Value from neuronlab.autodiff"),
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
        (gradient_check_with_the_packages_functions, "the course's own numerical_gradient"),
        (check_divide_without_out, "without out= leaves the entries where scale is 0"),
    ],
    "6.6": [
        (predict_all_equal, "no error reaches the hidden layer"),
        (predict_all_different, "you predicted 'different from each other'"),
        (predict_zero_as_number, "return one of 'all zero'"),
    ],
    "6.7": [
        (tanh_backward_with_sigmoid_slope, "the sigmoid's slope; the hidden layers are tanh now"),
        (tanh_backward_with_sigmoid_slope_in_the_first_layer, "the first hidden layer is tanh too"),
        (tanh_backward_with_a_tanh_output_slope, "the output layer is still a sigmoid"),
        (tanh_backward_without_hidden_slope, "forgets the activation's derivative in the hidden"),
        (tanh_backward_with_tanh_twice, "already tanh outputs"),
        (tanh_backward_wrapping_the_packages_mlp, "the course's own MLP from neuronlab.network"),
    ],
}
