"""Wrong answers that the checks of lesson 05 must reject, each with the message a learner sees."""

from __future__ import annotations

import numpy as np

from neuronlab.autodiff import Value


def naive_sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def stable_sigmoid(z):
    from neuronlab.activations import sigmoid

    return sigmoid(z)


def sigmoid_derivative(z):
    s = stable_sigmoid(z)
    return s * (1 - s)


def fork_overwritten_by_the_product(x, y):
    dx, dy = 0.0, 0.0
    q = x + y
    dq = y * 1.0  # the product f = q · y: q gets y ...
    dy = q * 1.0  # ... and y gets q
    dx = dq
    dy = dq  # the add gate's share replaces the product's
    return dx, dy


def fork_overwritten_by_the_sum(x, y):
    q = x + y
    dq = y
    dx = dq
    dy = dq  # the add gate's share ...
    dy = q  # ... replaced by the product's
    return dx, dy


def tanh_neuron_numerically(x1, x2, w1, w2, b):
    """No chain rule: each slope of tanh(w1 x1 + w2 x2 + b) measured by a centred difference."""
    h = 1e-5

    def a(x1, x2, w1, w2, b):
        return np.tanh(w1 * x1 + w2 * x2 + b)

    args = [x1, x2, w1, w2, b]
    slopes = []
    for i in range(5):
        up, down = list(args), list(args)
        up[i] = up[i] + h
        down[i] = down[i] - h
        slopes.append((a(*up) - a(*down)) / (2 * h))
    dx1, dx2, dw1, dw2, db = slopes
    return dw1, dw2, db, dx1, dx2


def softplus_forgetting_the_chain_rule(v):
    out = Value(float(np.logaddexp(0.0, v.data)), (v,), "softplus")

    def _backward():
        v.grad += stable_sigmoid(v.data)  # the local derivative only

    out._backward = _backward
    return out


def softplus_overwriting_the_gradient(v):
    out = Value(float(np.logaddexp(0.0, v.data)), (v,), "softplus")

    def _backward():
        v.grad = stable_sigmoid(v.data) * out.grad

    out._backward = _backward
    return out


def softplus_returning_a_number(v):
    return float(np.logaddexp(0.0, v.data))


# 5.7, more


def softplus_from_exp_and_log(v):
    return (1 + v.exp()).log()  # right values, but no new operation and no _backward


def softplus_without_children(v):
    out = Value(float(np.logaddexp(0.0, v.data)))

    def _backward():
        v.grad += stable_sigmoid(v.data) * out.grad

    out._backward = _backward
    return out


def softplus_with_backward_never_attached(v):
    out = Value(float(np.logaddexp(0.0, v.data)), (v,), "softplus")

    def _backward():
        v.grad += stable_sigmoid(v.data) * out.grad

    return out


# 5.1


def divide_gate_as_multiply_gate(x, y, upstream):
    return y * upstream, x * upstream


def divide_gate_dy_positive(x, y, upstream):
    return upstream / y, upstream * x / y**2


def divide_gate_dy_without_x(x, y, upstream):
    return upstream / y, -upstream / y**2


def divide_gate_dy_not_squared(x, y, upstream):
    return upstream / y, -upstream * x / y


def divide_gate_without_upstream(x, y, upstream):
    return 1 / y, -x / y**2


def divide_gate_dx_times_y(x, y, upstream):
    return upstream * y, -upstream * x / y**2


def divide_gate_gradients_in_one_array(x, y, upstream):
    return np.array([upstream / y, -upstream * x / y**2])


def divide_gate_measured_numerically(x, y, upstream):
    h = 1e-6
    return (
        upstream * ((x + h) / y - (x - h) / y) / (2 * h),
        upstream * (x / (y + h) - x / (y - h)) / (2 * h),
    )


# 5.2


def circuit_with_the_lessons_numbers(x, y, z):
    return -4.0, -4.0, 3.0


def circuit_treating_minus_as_plus(x, y, z):
    q = x - y
    dq = z
    return dq, dq, q  # both inputs get dq, as at an add gate


def circuit_without_the_swap(x, y, z):
    q = x - y
    return q, -q, z


def circuit_with_dz_from_the_sum(x, y, z):
    return z, -z, x + y


def circuit_without_the_upstream_gradient(x, y, z):
    return 1.0 + 0 * x, -1.0 + 0 * y, x - y


def circuit_with_both_signs_flipped(x, y, z):
    return -z, z, x - y


# 5.3


def tanh_neuron_with_the_sigmoid_pattern(x1, x2, w1, w2, b):
    a = np.tanh(w1 * x1 + w2 * x2 + b)
    d = a * (1 - a)  # σ(1 - σ), copied from the lesson
    return d * x1, d * x2, d, d * w1, d * w2


def tanh_neuron_square_forgotten(x1, x2, w1, w2, b):
    a = np.tanh(w1 * x1 + w2 * x2 + b)
    d = 1 - a
    return d * x1, d * x2, d, d * w1, d * w2


def tanh_neuron_slope_of_the_net_input(x1, x2, w1, w2, b):
    z = w1 * x1 + w2 * x2 + b
    d = 1 - z**2
    return d * x1, d * x2, d, d * w1, d * w2


def tanh_neuron_inputs_times_their_own_value(x1, x2, w1, w2, b):
    a = np.tanh(w1 * x1 + w2 * x2 + b)
    d = 1 - a**2
    return d * x1, d * x2, d, d * x1, d * x2


def tanh_neuron_bias_times_b(x1, x2, w1, w2, b):
    a = np.tanh(w1 * x1 + w2 * x2 + b)
    d = 1 - a**2
    return d * x1, d * x2, d * b, d * w1, d * w2


def tanh_neuron_without_the_inner_links(x1, x2, w1, w2, b):
    a = np.tanh(w1 * x1 + w2 * x2 + b)
    d = 1 - a**2
    return d, d, d, d, d


def tanh_neuron_as_the_lessons_sigmoid_neuron(x1, x2, w1, w2, b):
    s = stable_sigmoid(w1 * x1 + w2 * x2 + b)
    d = s * (1 - s)
    return d * x1, d * x2, d, d * w1, d * w2


def tanh_neuron_gradients_in_one_array(x1, x2, w1, w2, b):
    a = np.tanh(w1 * x1 + w2 * x2 + b)
    d = 1 - a**2
    return np.array([d * x1, d * x2, d, d * w1, d * w2])


# 5.5


def max_circuit_to_the_smaller_input(x, y, z):
    return np.where(x <= y, z, 0.0), np.where(x <= y, 0.0, z), np.maximum(x, y)


def max_circuit_as_an_add_gate(x, y, z):
    return z, z, np.maximum(x, y)


def max_circuit_without_upstream(x, y, z):
    return np.where(x >= y, 1.0, 0.0), np.where(x >= y, 0.0, 1.0), np.maximum(x, y)


def max_circuit_strict_at_a_tie(x, y, z):
    return np.where(x > y, z, 0.0), np.where(x > y, 0.0, z), np.maximum(x, y)


def max_circuit_both_win_a_tie(x, y, z):
    return np.where(x >= y, z, 0.0), np.where(y >= x, z, 0.0), np.maximum(x, y)


def max_circuit_lessons_rule_verbatim_without_dz(x, y, z):
    upstream = z
    return upstream * (x >= y), upstream * (x < y)


def max_circuit_winner_times_its_value(x, y, z):
    return np.where(x >= y, z * x, 0.0), np.where(x >= y, 0.0, z * y), np.maximum(x, y)


def max_circuit_without_the_swap(x, y, z):
    m = np.maximum(x, y)
    return np.where(x >= y, m, 0.0), np.where(x >= y, 0.0, m), z


def max_circuit_with_dz_one(x, y, z):
    return np.where(x >= y, z, 0.0), np.where(x >= y, 0.0, z), np.ones_like(z)


def max_circuit_with_python_if(x, y, z):
    if x >= y:
        return z, 0.0, x
    return 0.0, z, y


# 5.6


def predict_one_path():
    return 6.0


def predict_add_gate_only():
    return 1.0


def predict_paths_doubled():
    return 12.0


# exercise id -> [(wrong answer, a piece of the message the learner must see)]
WRONG_ANSWERS = {
    "5.1": [
        (divide_gate_as_multiply_gate, "that is the multiply gate's rule"),
        (divide_gate_dy_positive, "the sign of dy"),
        (divide_gate_dy_without_x, "keep the factor x"),
        (divide_gate_dy_not_squared, "not -1/y"),
        (divide_gate_without_upstream, "multiply the local gradients by the upstream gradient"),
        (divide_gate_dx_times_y, "dx is upstream divided by y"),
        (divide_gate_gradients_in_one_array, "should return 2 values (dx, dy)"),
        (divide_gate_measured_numerically, "looks like a numerical approximation"),
    ],
    "5.2": [
        (circuit_with_the_lessons_numbers, "those are the lesson's numbers"),
        (circuit_treating_minus_as_plus, "q = x - y is not an add gate"),
        (circuit_without_the_swap, "the multiply gate swaps"),
        (circuit_with_dz_from_the_sum, "not x + y"),
        (circuit_without_the_upstream_gradient, "must be multiplied by the gradient it receives"),
        (circuit_with_both_signs_flipped, "the signs"),
        (lambda x, y, z: (z, -z), "should return 3 values (dx, dy, dz)"),
    ],
    "5.3": [
        (tanh_neuron_numerically, "looks like a numerical approximation"),
        (tanh_neuron_with_the_sigmoid_pattern, "is the *sigmoid's* slope pattern"),
        (tanh_neuron_square_forgotten, "square a before subtracting it from 1"),
        (tanh_neuron_slope_of_the_net_input, "not the net input z"),
        (tanh_neuron_inputs_times_their_own_value, "so x1 gets w1"),
        (tanh_neuron_bias_times_b, "b is added, not multiplied"),
        (tanh_neuron_without_the_inner_links, "that is ∂a/∂z for every box"),
        (tanh_neuron_as_the_lessons_sigmoid_neuron, "the lesson's *sigmoid* neuron"),
        (tanh_neuron_gradients_in_one_array, "should return 5 values"),
    ],
    "5.4": [
        (fork_overwritten_by_the_product, "overwritten instead of accumulated at a fork"),
        (fork_overwritten_by_the_sum, "overwritten instead of accumulated at a fork"),
        (lambda x, y: (x + 2 * y, x + 2 * y), "only y sits at a fork"),
        (lambda x, y: (x + y, x + 2 * y), "the multiply gate f = q · y swaps"),
        (lambda x, y: (y + 1.0, x), "that is the lesson's fork"),
        (
            lambda x, y: (np.array([y]), np.array([x + 2 * y])),
            "expected dx to be one number, but got an array of shape (1,)",
        ),
    ],
    "5.5": [
        (max_circuit_to_the_smaller_input, "to the *larger* input"),
        (max_circuit_as_an_add_gate, "that is the add gate"),
        (max_circuit_without_upstream, "the winner gets z, not 1"),
        (max_circuit_strict_at_a_tie, "at a tie (x == y)"),
        (max_circuit_both_win_a_tie, "at a tie (x == y)"),
        (max_circuit_lessons_rule_verbatim_without_dz, "should return 3 values (dx, dy, dz)"),
        (max_circuit_winner_times_its_value, "not the winner's value"),
        (max_circuit_without_the_swap, "the multiply gate swaps"),
        (max_circuit_with_dz_one, "not 1"),
        (max_circuit_with_python_if, "To choose element by element, use np.where"),
    ],
    "5.6": [
        (predict_one_path, "its gradients add"),
        (predict_add_gate_only, "you predicted 1"),
        (predict_paths_doubled, "2x + 1 = 7"),
    ],
    "5.7": [
        (softplus_forgetting_the_chain_rule, "multiply the local derivative σ(x) by out.grad"),
        (softplus_overwriting_the_gradient, "add to v.grad (+=), don't overwrite it"),
        (softplus_returning_a_number, "not a Value"),
        (softplus_from_exp_and_log, "whose child is not v itself"),
        (softplus_without_children, "pass (v,)"),
        (softplus_with_backward_never_attached, "out._backward = _backward"),
    ],
}
