"""Wrong answers that the checks of lesson 01 must reject, each with the message a learner sees."""

from __future__ import annotations

import numpy as np

import neuronlab.activations

# 1.1


def layer_net_inputs_without_biases(x, W, b):
    return W @ x


def layer_net_inputs_subtracting_biases(x, W, b):
    return W @ x - b


def layer_net_inputs_x_times_w(x, W, b):
    return x @ W + b  # the order of lesson 01's X @ w, copied


def layer_net_inputs_one_grand_total(x, W, b):
    return np.sum(W * x) + b


def layer_net_inputs_summed_over_neurons(x, W, b):
    return np.sum(W * x, axis=0) + b


def layer_net_inputs_return_inside_the_loop(x, W, b):
    z = []
    for j in range(len(W)):
        z.append(np.dot(W[j], x) + b[j])
        return z[0]  # indented one level too deep


# 1.2


def batch_net_inputs_without_bias(X, w, b):
    return X @ w


def batch_net_inputs_summed_over_batch(X, w, b):
    return np.sum(X * w) + b


def batch_net_inputs_as_column(X, w, b):
    return (X @ w + b).reshape(-1, 1)


def batch_net_inputs_with_transposed_x(X, w, b):
    return X.T @ w + b


# 1.3


def fires_only_above_zero(X, w, b):
    return np.where(X @ w + b > 0, 1.0, 0.0)


def fires_returns_net_input(X, w, b):
    return X @ w + b


def fires_with_outputs_swapped(X, w, b):
    return np.where(X @ w + b >= 0, 0.0, 1.0)


# 1.4


def decision_line_sign_flipped(x1, w, b):
    return (w[0] * x1 + b) / w[1]


def decision_line_without_bias(x1, w, b):
    return -(w[0] * x1) / w[1]


def decision_line_weights_swapped(x1, w, b):
    return -(w[1] * x1 + b) / w[0]


# 1.3 and 1.4, more


def step_neuron_with_the_course_step(X, w, b):
    from neuronlab.activations import step

    return step(X @ w + b)


def step_neuron_with_the_course_module(X, w, b):
    return neuronlab.activations.step(X @ w + b)


def decision_line_not_divided(x1, w, b):
    return -(w[0] * x1 + b)  # forgot to divide by w2


# exercise id -> [(wrong answer, a piece of the message the learner must see)]
WRONG_ANSWERS = {
    "1.1": [
        (layer_net_inputs_without_biases, "the biases are missing"),
        (layer_net_inputs_subtracting_biases, "added, not subtracted"),
        (layer_net_inputs_x_times_w, "x @ W pairs x with the columns of W"),
        (layer_net_inputs_one_grand_total, "products of *every* neuron into one total"),
        (layer_net_inputs_summed_over_neurons, "sum each row (axis=1), not each column"),
        (layer_net_inputs_return_inside_the_loop, "is `return` indented inside it?"),
    ],
    "1.2": [
        (batch_net_inputs_without_bias, "the bias b is missing"),
        (batch_net_inputs_summed_over_batch, "sums over the whole batch"),
        (batch_net_inputs_as_column, "not a column"),
        (batch_net_inputs_with_transposed_x, "inner sizes do not match"),
    ],
    "1.3": [
        (fires_only_above_zero, "use >= 0"),
        (fires_returns_net_input, "that is the net input z"),
        (fires_with_outputs_swapped, "0 and 1 are swapped"),
        (step_neuron_with_the_course_step, "calls the course's own step"),
        (step_neuron_with_the_course_module, "calls the course's own step"),
    ],
    "1.4": [
        (decision_line_sign_flipped, "check the sign"),
        (decision_line_without_bias, "the bias is missing"),
        (decision_line_weights_swapped, "the weights are swapped"),
        (decision_line_not_divided, "divide by w2 at the end"),
    ],
}
