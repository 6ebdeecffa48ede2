"""Wrong answers that the checks of lesson 08 must reject, each with the message a learner sees."""

from __future__ import annotations

import math

import numpy as np

from neuronlab.activations import gelu, sigmoid

C = math.sqrt(2 / math.pi)


# 8.1


def sigmoid_as_tanh_of_z(z):
    return (1 + np.tanh(z)) / 2


def sigmoid_as_tanh_of_2z(z):
    return (1 + np.tanh(2 * z)) / 2


def sigmoid_without_halving(z):
    return 1 + np.tanh(z / 2)


def sigmoid_without_adding_1(z):
    return np.tanh(z / 2) / 2


def sigmoid_upside_down(z):
    return (1 - np.tanh(z / 2)) / 2


def sigmoid_as_tanh_itself(z):
    return np.tanh(z)


def sigmoid_with_exp(z):
    return 1 / (1 + np.exp(-z))


# 8.2


def relu_slope_one_at_zero(z):
    return np.where(z >= 0, 1.0, 0.0)


def relu_slope_as_relu(z):
    return np.maximum(z, 0.0)


def relu_slope_as_sign(z):
    return np.sign(z)


def relu_slope_swapped(z):
    return np.where(z > 0, 0.0, 1.0)


def relu_slope_as_comparison(z):
    return z > 0


def relu_slope_with_if(z):
    return 1.0 if z > 0 else 0.0


# 8.3


def leaky_relu_keras_default(z, slope=0.3):
    return np.where(z > 0, z, slope * z)


def leaky_relu_slope_on_positive_side(z, slope=0.01):
    return np.where(z > 0, slope * z, z)


def leaky_relu_as_relu(z, slope=0.01):
    return np.maximum(z, 0.0)


def leaky_relu_constant_on_negative_side(z, slope=0.01):
    return np.where(z > 0, z, slope)


def leaky_relu_fixed_slope(z, slope=0.01):
    return np.where(z > 0, z, 0.01 * z)


def leaky_relu_argument_named_alpha(z, alpha=0.01):
    return np.where(z > 0, z, alpha * z)


def leaky_relu_with_python_max(z, slope=0.01):
    return max(z, slope * z)


# 8.4


def softplus_as_written(z):
    return np.log(1 + np.exp(z))


def softplus_with_log1p_of_exp(z):
    return np.log1p(np.exp(z))


def softplus_without_log1p(z):
    return np.maximum(z, 0) + np.log(1 + np.exp(-np.abs(z)))


def softplus_without_large_part(z):
    return np.log1p(np.exp(-np.abs(z)))


def softplus_exp_of_minus_z(z):
    return np.maximum(z, 0) + np.log1p(np.exp(-z))


def softplus_switch_to_z_with_where(z):
    return np.where(z > 20, z, np.log1p(np.exp(z)))  # np.where still computes exp(1000)


def softplus_switch_to_z_above_5(z):
    return np.where(z > 5, z, np.log1p(np.exp(np.minimum(z, 5))))


def softplus_switch_to_z_above_10(z):
    return np.where(z > 10, z, np.log1p(np.exp(np.minimum(z, 10))))


# 8.5


def elu_slope_exp_of_z(z, alpha=1.0):
    return np.where(z > 0, 1.0, alpha * np.exp(z))


def elu_slope_as_elu(z, alpha=1.0):
    return np.where(z > 0, 1.0, alpha * (np.exp(np.minimum(z, 0)) - 1))


def elu_slope_without_alpha(z, alpha=1.0):
    return np.where(z > 0, 1.0, np.exp(np.minimum(z, 0)))


def elu_slope_z_on_positive_side(z, alpha=1.0):
    return np.where(z > 0, z, alpha * np.exp(np.minimum(z, 0)))


def elu_slope_as_relu_slope(z, alpha=1.0):
    return np.where(z > 0, 1.0, 0.0)


def elu_slope_one_at_zero(z, alpha=1.0):
    return np.where(z >= 0, 1.0, alpha * np.exp(np.minimum(z, 0)))


# 8.6


def gelu_tanh_with_square(z):
    return 0.5 * z * (1 + np.tanh(C * (z + 0.044715 * z**2)))


def gelu_tanh_without_half(z):
    return z * (1 + np.tanh(C * (z + 0.044715 * z**3)))


def gelu_tanh_with_root_pi_over_two(z):
    return 0.5 * z * (1 + np.tanh(math.sqrt(math.pi / 2) * (z + 0.044715 * z**3)))


def gelu_tanh_gate_only(z):
    return 0.5 * (1 + np.tanh(C * (z + 0.044715 * z**3)))


def gelu_tanh_without_constant(z):
    return 0.5 * z * (1 + np.tanh(z + 0.044715 * z**3))


def gelu_tanh_with_constant_0_798(z):
    return 0.5 * z * (1 + np.tanh(0.798 * (z + 0.044715 * z**3)))


def gelu_tanh_with_constant_0_7979(z):
    return 0.5 * z * (1 + np.tanh(0.7979 * (z + 0.044715 * z**3)))


def gelu_tanh_with_constant_0_79788(z):
    return 0.5 * z * (1 + np.tanh(0.79788 * (z + 0.044715 * z**3)))


def gelu_tanh_with_constant_0_797885(z):
    return 0.5 * z * (1 + np.tanh(0.797885 * (z + 0.044715 * z**3)))


def gelu_tanh_as_sigmoid_of_u(z):
    return z * sigmoid(C * (z + 0.044715 * z**3))


def gelu_tanh_as_sigmoid_of_1702z(z):
    return z * sigmoid(1.702 * z)


# 8.7: the lesson's ReLU mean was 0.397


def predict_relu_mean():
    return 0.397


def predict_left_side_only():
    return 0.3 * 0.397


def predict_slope_added():
    return 1.3 * 0.397


def predict_undefined():
    return "undefined"


def predict_a_quarter():
    return 0.25


def predict_slope_itself():
    return 0.3


# 8.8


def softsign_slope_denominator_not_squared(z):
    return 1 / (1 + np.abs(z))


def softsign_slope_with_sign(z):
    return np.sign(z) / (1 + np.abs(z)) ** 2


def softsign_slope_as_softsign(z):
    return z / (1 + np.abs(z))


def softsign_slope_without_absolute_value(z):
    return 1 / (1 + z) ** 2


def softsign_slope_by_sides_with_where(z):
    return np.where(z >= 0, 1 / (1 + z) ** 2, 1 / (1 - z) ** 2)


def softsign_slope_z_times_sign_unsimplified(z):
    return ((1 + np.abs(z)) - z * np.sign(z)) / (1 + np.abs(z)) ** 2


# exercise id -> [(wrong answer, a piece of the message the learner must see)]
WRONG_ANSWERS = {
    "8.1": [
        (sigmoid_as_tanh_of_z, "tanh needs half the input"),
        (sigmoid_as_tanh_of_2z, "the input is halved, not doubled"),
        (sigmoid_without_halving, "divide by 2"),
        (sigmoid_without_adding_1, "add 1 before halving"),
        (sigmoid_upside_down, "the sign is flipped"),
        (sigmoid_as_tanh_itself, "that is tanh itself"),
        (sigmoid_with_exp, "through np.tanh, which never overflows"),
    ],
    "8.2": [
        (relu_slope_one_at_zero, "uses the slope 0"),
        (relu_slope_as_relu, "that is ReLU itself"),
        (relu_slope_as_relu, "centred finite differences"),
        (relu_slope_as_sign, "not -1"),
        (relu_slope_swapped, "0 and 1 are swapped"),
        (relu_slope_as_comparison, "dtype bool"),
        (relu_slope_with_if, "use np.where, np.maximum or np.minimum"),
    ],
    "8.3": [
        (leaky_relu_keras_default, "the default slope here is 0.01"),
        (leaky_relu_slope_on_positive_side, "belongs to the negative side"),
        (leaky_relu_as_relu, "that is plain ReLU"),
        (leaky_relu_constant_on_negative_side, "not the constant slope"),
        (leaky_relu_fixed_slope, "use the argument `slope`"),
        (
            leaky_relu_argument_named_alpha,
            "unexpected keyword argument 'slope'",
        ),
        (leaky_relu_with_python_max, "use np.where, np.maximum"),
    ],
    "8.4": [
        (softplus_as_written, "Split off the large part"),
        (softplus_with_log1p_of_exp, "overflow encountered in exp"),
        (softplus_switch_to_z_with_where, "np.where does not help"),
        (softplus_switch_to_z_above_5, "switching to z above 5"),
        (softplus_switch_to_z_above_10, "switching to z above 10"),
        (softplus_without_log1p, "np.log1p(x)"),
        (softplus_without_log1p, "expected 4.24835425529e-18"),
        (relu_slope_as_relu, "that is ReLU"),
        (softplus_without_large_part, "the large part is missing"),
        (softplus_exp_of_minus_z, "not -z"),
    ],
    "8.5": [
        (elu_slope_exp_of_z, "both branches"),
        (
            elu_slope_as_elu,
            "the -1 is a constant",
        ),
        (
            elu_slope_without_alpha,
            "multiply by alpha",
        ),
        (
            elu_slope_z_on_positive_side,
            "whose slope is 1",
        ),
        (elu_slope_as_relu_slope, "that is ReLU's derivative"),
        (elu_slope_as_relu_slope, "slope of ELU measured"),
        (elu_slope_one_at_zero, "take the slope of the z <= 0 formula"),
    ],
    "8.6": [
        (gelu, "that is the exact GELU"),
        (
            gelu_tanh_with_square,
            "the correction term is cubic",
        ),
        (gelu_tanh_without_half, "the factor 0.5 is missing"),
        (
            gelu_tanh_with_root_pi_over_two,
            "not √(π/2)",
        ),
        (gelu_tanh_gate_only, "that is the gate"),
        (gelu_tanh_without_constant, "multiply the inner sum"),
        (gelu_tanh_with_constant_0_798, "rounded to 0.798"),
        (gelu_tanh_with_constant_0_7979, "rounded to 0.7979"),
        (gelu_tanh_with_constant_0_79788, "rounded to 0.79788"),
        (gelu_tanh_with_constant_0_797885, "compute √(2/π) as (2 / np.pi) ** 0.5"),
        (gelu_tanh_as_sigmoid_of_u, "is σ(2u), not σ(u)"),
        (gelu_tanh_as_sigmoid_of_1702z, "the paper's cheaper approximation"),
    ],
    "8.7": [
        (predict_relu_mean, "ReLU(-z) has the same mean as ReLU(z)"),
        (predict_left_side_only, "you predicted 0.1191"),
        (predict_slope_added, "leaky(z) = ReLU(z) - 0.3 ReLU(-z)"),
        (predict_undefined, "return a number"),
        (predict_a_quarter, "you predicted 0.25."),
        (predict_slope_itself, "you predicted 0.3."),
    ],
    "8.8": [
        (softsign_slope_denominator_not_squared, "the denominator ends up squared"),
        (softsign_slope_with_sign, "slope is positive on both sides"),
        (softsign_slope_as_softsign, "centred finite differences"),
        (softsign_slope_without_absolute_value, "keep the absolute value"),
        (softsign_slope_by_sides_with_where, "np.where computes both branches"),
        (softsign_slope_z_times_sign_unsimplified, "Simplify your expression first"),
    ],
}

# Optional extras (NaN in, NaN out; float32 kept): a correct answer that misses one is told so
# after its verdict, with the message piece here.


def sigmoid_from_tanh_in_float64(z):
    return (1 + np.tanh(z.astype(float) / 2)) / 2


def relu_slope_nan_becomes_zero(z):
    return np.where(z > 0, 1.0, 0.0)


def relu_slope_in_float64(z):
    return np.where(np.isnan(z), np.nan, np.where(z > 0, 1.0, 0.0))


def softplus_in_float64(z):
    return np.logaddexp(0.0, z.astype(np.float64))


def gelu_tanh_with_numpy_constant(z):
    return 0.5 * z * (1 + np.tanh(np.sqrt(2 / np.pi) * (z + 0.044715 * z**3)))


OPTIONAL_EXTRAS = {
    "8.1": [(sigmoid_from_tanh_in_float64, "expected dtype float32, but got float64")],
    "8.2": [
        (relu_slope_nan_becomes_zero, "NaN in, NaN out"),
        (relu_slope_in_float64, "np.where(condition, 1.0, 0.0) builds a float64 array"),
    ],
    "8.4": [(softplus_in_float64, "expected dtype float32, but got float64")],
    "8.6": [(gelu_tanh_with_numpy_constant, "np.sqrt(2 / np.pi)")],
}
