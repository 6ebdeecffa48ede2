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


def fork_overwritten_by_multiply(x, y):
    dx, dy = 0.0, 0.0
    dx = 1.0  # the add gate's contribution ...
    dx = y * 1.0  # ... replaced by the multiply gate's
    dy = x * 1.0
    return dx, dy


def fork_overwritten_by_add(x, y):
    dx = y * 1.0
    dy = x * 1.0
    dx = 1.0 + 0.0 * x  # the add gate's contribution replaces the multiply gate's
    return dx, dy


def neuron_grad_w_with_overflow_silenced(w, x, b):
    with np.errstate(over="ignore"):
        s = 1 / (1 + np.exp(-(w * x + b)))
    return s * (1 - s) * x


def neuron_grad_w_numerically(w, x, b):
    """No chain rule: the slope of σ(w x + b) in w, measured by a centred difference."""
    h = 1e-5
    return (stable_sigmoid((w + h) * x + b) - stable_sigmoid((w - h) * x + b)) / (2 * h)


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


# 5.1


def multiply_gate_without_swap(x, y, upstream):
    return (x * upstream, y * upstream)


def multiply_gate_without_upstream(x, y, upstream):
    return (y, x)


def multiply_gate_as_add_gate(x, y, upstream):
    return (upstream, upstream)


def multiply_gate_by_product(x, y, upstream):
    return (x * y * upstream, x * y * upstream)


def multiply_gate_gradients_in_one_array(x, y, upstream):
    return np.array([y * upstream, x * upstream])


def multiply_gate_without_return(x, y, upstream):
    return None


# 5.2


def circuit_lesson_numbers(x, y, z):
    return (-4.0, -4.0, 3.0)


def circuit_multiply_gate_not_swapped(x, y, z):
    return (x + y, x + y, z)


def circuit_dz_as_x_times_y(x, y, z):
    return (z, z, x * y)


def circuit_add_gate_without_upstream(x, y, z):
    return (1.0 + 0 * x, 1.0 + 0 * y, x + y)


def circuit_add_gate_as_multiply_gate(x, y, z):
    return (z * y, z * x, x + y)


def circuit_without_dz(x, y, z):
    return (z, z)


def circuit_dz_as_x(x, y, z):
    return (z, z, x)


# 5.3


def neuron_dw_without_inner_derivative(w, x, b):
    return sigmoid_derivative(w * x + b)


def neuron_dw_slope_of_net_input(w, x, b):
    return (w * x + b) * (1 - (w * x + b)) * x


def neuron_dw_sigmoid_not_slope(w, x, b):
    return stable_sigmoid(w * x + b) * x


def neuron_dw_times_w(w, x, b):
    return sigmoid_derivative(w * x + b) * w


def neuron_dw_slope_at_w(w, x, b):
    return sigmoid_derivative(w) * x


def neuron_dw_naive_sigmoid(w, x, b):
    return naive_sigmoid(w * x + b) * (1 - naive_sigmoid(w * x + b)) * x


# 5.4


def fork_adds_one_to_both(x, y):
    return (y + 1.0, x + 1.0)


def fork_dy_not_swapped(x, y):
    return (y + 1.0, y)


def fork_dx_not_swapped(x, y):
    return (x + 1.0, y)


def fork_gradients_as_arrays(x, y):
    return (np.array([y + 1.0]), np.array([x]))


# 5.5


def max_gate_to_smaller(x, y, g):
    return (np.where(x <= y, g, 0.0), np.where(x <= y, 0.0, g))


def max_gate_as_add_gate(x, y, g):
    return (g * np.ones_like(x), g * np.ones_like(y))


def max_gate_without_upstream(x, y, g):
    return (np.where(x >= y, 1.0, 0.0), np.where(x >= y, 0.0, 1.0))


def max_gate_tie_to_y(x, y, g):
    return (np.where(x > y, g, 0.0), np.where(x > y, 0.0, g))


def max_gate_tie_split(x, y, g):
    return (
        np.where(x > y, g, np.where(x == y, g / 2, 0.0)),
        np.where(x < y, g, np.where(x == y, g / 2, 0.0)),
    )


def max_gate_times_winner(x, y, g):
    return (np.where(x >= y, g * x, 0.0), np.where(x >= y, 0.0, g * y))


def max_gate_with_if(x, y, g):
    return (g, 0.0) if x >= y else (0.0, g)


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
        (multiply_gate_without_swap, "swaps its inputs"),
        (multiply_gate_without_upstream, "multiply the local gradients by the upstream gradient"),
        (multiply_gate_as_add_gate, "that is the add gate's rule"),
        (multiply_gate_by_product, "not the product x · y"),
        (
            multiply_gate_gradients_in_one_array,
            "should return 2 values (dx, dy)",
        ),
        (multiply_gate_without_return, "returned None"),
    ],
    "5.2": [
        (circuit_lesson_numbers, "those are the lesson's numbers"),
        (circuit_multiply_gate_not_swapped, "the multiply gate swaps"),
        (circuit_dz_as_x_times_y, "not x · y"),
        (
            circuit_add_gate_without_upstream,
            "must be multiplied by the gradient it receives",
        ),
        (circuit_add_gate_as_multiply_gate, "is an add gate, not a multiply gate"),
        (circuit_without_dz, "should return 3 values (dx, dy, dz)"),
        (circuit_dz_as_x, "expected dz 3, but got -2"),
    ],
    "5.3": [
        (neuron_grad_w_with_overflow_silenced, "the overflow was silenced, not avoided"),
        (neuron_grad_w_numerically, "looks like a numerical approximation"),
        (neuron_dw_without_inner_derivative, "forgot the inner derivative"),
        (neuron_dw_slope_of_net_input, "not the net input z"),
        (neuron_dw_sigmoid_not_slope, "not σ(z) itself"),
        (neuron_dw_times_w, "the derivative with respect to x"),
        (neuron_dw_slope_at_w, "not at w"),
        (
            neuron_dw_naive_sigmoid,
            "Use the stable sigmoid of lesson 03",
        ),
    ],
    "5.4": [
        (fork_overwritten_by_multiply, "overwritten instead of accumulated at a fork"),
        (fork_overwritten_by_add, "overwritten instead of accumulated at a fork"),
        (fork_adds_one_to_both, "only x sits at a fork"),
        (fork_dy_not_swapped, "y's gradient is the other input, x"),
        (fork_dx_not_swapped, "gives x the other input, y"),
        (
            fork_gradients_as_arrays,
            "expected dx to be one number, but got an array of shape (1,)",
        ),
    ],
    "5.5": [
        (
            max_gate_to_smaller,
            "to the *larger* input",
        ),
        (max_gate_as_add_gate, "that is the add gate"),
        (
            max_gate_without_upstream,
            "the winner gets upstream, not 1",
        ),
        (max_gate_tie_to_y, "at a tie (x == y)"),
        (
            max_gate_tie_split,
            "at a tie (x == y)",
        ),
        (
            max_gate_times_winner,
            "the local gradient is 1, not the winner's value",
        ),
        (max_gate_with_if, "look at one True/False at a time"),
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
    ],
}
