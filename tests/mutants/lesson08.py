"""Wrong answers that the checks of lesson 08 must reject, each with the message a learner sees."""

from __future__ import annotations

import math

import numpy as np

from neuronlab.activations import gelu, sigmoid

C = math.sqrt(2 / math.pi)


def _softplus_threshold_where(z):
    return np.where(z > 20, z, np.log1p(np.exp(z)))  # np.where still computes exp(1000)


# 8.5


def elu_slope_one_at_zero(z, alpha=1.0):
    return np.where(z >= 0, 1.0, alpha * np.exp(np.minimum(z, 0)))


# 8.6


def gelu_tanh_with_constant_0_798(z):
    return 0.5 * z * (1 + np.tanh(0.798 * (z + 0.044715 * z**3)))


def gelu_tanh_with_constant_0_7979(z):
    return 0.5 * z * (1 + np.tanh(0.7979 * (z + 0.044715 * z**3)))


def gelu_tanh_with_constant_0_79788(z):
    return 0.5 * z * (1 + np.tanh(0.79788 * (z + 0.044715 * z**3)))


def gelu_tanh_with_constant_0_797885(z):
    return 0.5 * z * (1 + np.tanh(0.797885 * (z + 0.044715 * z**3)))


# 8.7: the lesson's ReLU mean was 0.397


def predict_relu_mean():
    return 0.397


def predict_left_side_only():
    return 0.3 * 0.397


def predict_slope_added():
    return 1.3 * 0.397


# 8.8


def softsign_slope_by_sides_with_where(z):
    return np.where(z >= 0, 1 / (1 + z) ** 2, 1 / (1 - z) ** 2)


def softsign_slope_by_quotient_rule_unsimplified(z):
    return ((1 + np.abs(z)) - z * np.sign(z)) / (1 + np.abs(z)) ** 2


# exercise id -> [(wrong answer, a piece of the message the learner must see)]
WRONG_ANSWERS = {
    "8.1": [
        (lambda z: 2 * sigmoid(z) - 1, "the argument is 2z"),
        (lambda z: 2 * sigmoid(2 * z), "subtract 1"),
        (lambda z: sigmoid(2 * z) - 1, "multiply σ(2z) by 2"),
        (lambda z: 1 - 2 * sigmoid(2 * z), "the sign is flipped"),
        (lambda z: 2 / (1 + np.exp(-2 * z)) - 1, "Use the package's sigmoid"),
    ],
    "8.2": [
        (lambda z: np.where(z >= 0, 1.0, 0.0), "uses the slope 0"),
        (lambda z: np.maximum(z, 0.0), "that is ReLU itself"),
        (lambda z: np.maximum(z, 0.0), "centred finite differences"),
        (lambda z: np.sign(z), "not -1"),
        (lambda z: np.where(z > 0, 0.0, 1.0), "0 and 1 are swapped"),
        (lambda z: z > 0, "dtype bool"),
        (lambda z: 1.0 if z > 0 else 0.0, "use np.where, np.maximum or np.minimum"),
    ],
    "8.3": [
        (lambda z, slope=0.3: np.where(z > 0, z, slope * z), "the default slope here is 0.01"),
        (lambda z, slope=0.01: np.where(z > 0, slope * z, z), "belongs to the negative side"),
        (lambda z, slope=0.01: np.maximum(z, 0.0), "that is plain ReLU"),
        (lambda z, slope=0.01: np.where(z > 0, z, slope), "not the constant slope"),
        (lambda z, slope=0.01: np.where(z > 0, z, 0.01 * z), "use the argument `slope`"),
        (
            lambda z, alpha=0.01: np.where(z > 0, z, alpha * z),
            "unexpected keyword argument 'slope'",
        ),
        (lambda z, slope=0.01: max(z, slope * z), "use np.where, np.maximum"),
    ],
    "8.4": [
        (lambda z: np.log(1 + np.exp(z)), "Split off the large part"),
        (lambda z: np.log1p(np.exp(z)), "overflow encountered in exp"),
        (_softplus_threshold_where, "np.where does not help"),
        (lambda z: np.maximum(z, 0) + np.log(1 + np.exp(-np.abs(z))), "np.log1p(x)"),
        (lambda z: np.maximum(z, 0) + np.log(1 + np.exp(-np.abs(z))), "expected 4.24835425529e-18"),
        (lambda z: np.maximum(z, 0.0), "that is ReLU"),
        (lambda z: np.log1p(np.exp(-np.abs(z))), "the large part is missing"),
        (lambda z: np.maximum(z, 0) + np.log1p(np.exp(-z)), "not -z"),
    ],
    "8.5": [
        (lambda z, alpha=1.0: np.where(z > 0, 1.0, alpha * np.exp(z)), "both branches"),
        (
            lambda z, alpha=1.0: np.where(z > 0, 1.0, alpha * (np.exp(np.minimum(z, 0)) - 1)),
            "the -1 is a constant",
        ),
        (
            lambda z, alpha=1.0: np.where(z > 0, 1.0, np.exp(np.minimum(z, 0))),
            "multiply by alpha",
        ),
        (
            lambda z, alpha=1.0: np.where(z > 0, z, alpha * np.exp(np.minimum(z, 0))),
            "whose slope is 1",
        ),
        (lambda z, alpha=1.0: np.where(z > 0, 1.0, 0.0), "that is ReLU's derivative"),
        (lambda z, alpha=1.0: np.where(z > 0, 1.0, 0.0), "slope of ELU measured"),
        (elu_slope_one_at_zero, "take the slope of the z <= 0 formula"),
    ],
    "8.6": [
        (gelu, "that is the exact GELU"),
        (
            lambda z: 0.5 * z * (1 + np.tanh(C * (z + 0.044715 * z**2))),
            "the correction term is cubic",
        ),
        (lambda z: z * (1 + np.tanh(C * (z + 0.044715 * z**3))), "the factor 0.5 is missing"),
        (
            lambda z: 0.5 * z * (1 + np.tanh(math.sqrt(math.pi / 2) * (z + 0.044715 * z**3))),
            "not √(π/2)",
        ),
        (lambda z: 0.5 * (1 + np.tanh(C * (z + 0.044715 * z**3))), "that is the gate"),
        (lambda z: 0.5 * z * (1 + np.tanh(z + 0.044715 * z**3)), "multiply the inner sum"),
        (gelu_tanh_with_constant_0_798, "rounded to 0.798"),
        (gelu_tanh_with_constant_0_7979, "rounded to 0.7979"),
        (gelu_tanh_with_constant_0_79788, "rounded to 0.79788"),
        (gelu_tanh_with_constant_0_797885, "compute √(2/π) as (2 / np.pi) ** 0.5"),
    ],
    "8.7": [
        (predict_relu_mean, "ReLU(-z) has the same mean as ReLU(z)"),
        (predict_left_side_only, "you predicted 0.1191"),
        (predict_slope_added, "leaky(z) = ReLU(z) - 0.3 ReLU(-z)"),
        (lambda: "undefined", "return a number"),
    ],
    "8.8": [
        (lambda z: 1 / (1 + np.abs(z)), "the denominator ends up squared"),
        (lambda z: np.sign(z) / (1 + np.abs(z)) ** 2, "slope is positive on both sides"),
        (lambda z: z / (1 + np.abs(z)), "centred finite differences"),
        (lambda z: 1 / (1 + z) ** 2, "keep the absolute value"),
        (softsign_slope_by_sides_with_where, "np.where computes both branches"),
        (softsign_slope_by_quotient_rule_unsimplified, "Simplify your expression first"),
    ],
}

# Optional extras (NaN in, NaN out; float32 kept): a correct answer that misses one is told so
# after its verdict, with the message piece here.
OPTIONAL_EXTRAS = {
    "8.1": [
        (lambda z: 2 * sigmoid(2 * z.astype(float)) - 1, "expected dtype float32, but got float64"),
    ],
    "8.2": [
        (lambda z: np.where(z > 0, 1.0, 0.0), "NaN in, NaN out"),
        (
            lambda z: np.where(np.isnan(z), np.nan, np.where(z > 0, 1.0, 0.0)),
            "np.where(condition, 1.0, 0.0) builds a float64 array",
        ),
    ],
    "8.4": [
        (
            lambda z: np.logaddexp(0.0, z.astype(np.float64)),
            "expected dtype float32, but got float64",
        ),
    ],
    "8.6": [
        (
            lambda z: 0.5 * z * (1 + np.tanh(np.sqrt(2 / np.pi) * (z + 0.044715 * z**3))),
            "np.sqrt(2 / np.pi)",
        ),
    ],
}
