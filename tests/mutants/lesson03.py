"""Wrong answers that the checks of lesson 03 must reject, each with the message a learner sees."""

from __future__ import annotations

import math

import numpy as np


def stable(z):
    e = np.exp(-np.abs(z))
    return np.where(np.asarray(z) >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid_with_overflow_silenced(z):
    with np.errstate(over="ignore"):  # hides the warning; 1 / (1 + inf) still gives 0
        return 1 / (1 + np.exp(-z))


def sigmoid_with_warnings_filtered(z):
    import warnings

    warnings.simplefilter("ignore")
    return 1 / (1 + np.exp(-z))


def sigmoid_neuron_with_overflow_silenced(X, w, b):
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-(X @ w + b)))


def sigmoid_clipped(z):
    z = np.clip(z, -500, 500)  # avoids the overflow, but σ(-720) becomes σ(-500)
    return 1 / (1 + np.exp(-z))


# 3.1


def naive_sigmoid(z):
    return 1 / (1 + np.exp(-z))


def sigmoid_where_with_both_exponentials(z):
    return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))


def sigmoid_negative_form_everywhere(z):
    return np.exp(z) / (1 + np.exp(z))


def sigmoid_of_minus_z(z):
    return 1 / (1 + np.exp(z))


def sigmoid_cast_to_float64(z):
    return stable(np.asarray(z, dtype=float))


def sigmoid_as_tanh(z):
    return np.tanh(z)


def sigmoid_of_absolute_value(z):
    return stable(np.abs(z))


def sigmoid_as_step(z):
    return np.where(z >= 0, 1.0, 0.0)


def sigmoid_with_math_exp(z):
    return 1 / (1 + math.exp(-z))


def sigmoid_without_return(z):
    return None


def sigmoid_as_typed_in_the_lesson(z):
    z = np.asarray(z)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid_both_forms_with_errstate(z):
    with np.errstate(all="ignore"):  # np.where computes both forms; the warnings are hidden
        return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))


def sigmoid_from_the_course(z):
    from neuronlab.activations import sigmoid

    return sigmoid(z)


def sigmoid_one_minus_for_negatives(z):
    s = 1 / (1 + np.exp(-np.abs(z)))
    return np.where(z >= 0, s, 1 - s)


# 3.2


def neuron_without_bias(X, w, b):
    return stable(X @ w)


def neuron_subtracting_bias(X, w, b):
    return stable(X @ w - b)


def neuron_returns_net_input(X, w, b):
    return X @ w + b


def neuron_with_step(X, w, b):
    return np.where(X @ w + b >= 0, 1.0, 0.0)


def neuron_sigmoid_on_inputs(X, w, b):
    return stable(X) @ w + b


def neuron_outputs_as_column(X, w, b):
    return stable(X @ w + b).reshape(-1, 1)


def neuron_with_naive_sigmoid(X, w, b):
    return 1 / (1 + np.exp(-(X @ w + b)))


def neuron_cast_to_float64(X, w, b):
    return stable(np.asarray(X, dtype=float) @ w + b)


# 3.3


def logit_upside_down(p):
    return np.log((1 - p) / p)


def logit_as_log_p(p):
    return np.log(p)


def logit_with_log10(p):
    return np.log10(p / (1 - p))


def logit_as_odds(p):
    return p / (1 - p)


def logit_as_sigmoid(p):
    return stable(p)


def logit_cast_to_float64(p):
    return np.log(p / (1 - p)).astype(np.float64)


# 3.4


def steepness_small_tolerance_approximation(m, t):
    return np.log(1 / t) / m


def steepness_times_margin(m, t):
    return np.log((1 - t) / t) * m


def steepness_negative(m, t):
    return np.log(t / (1 - t)) / m


def steepness_with_log10(m, t):
    return np.log10((1 - t) / t) / m


def steepness_without_log(m, t):
    return (1 - t) / t / m


# 3.5


def predict_ten_times_steeper():
    return 46  # as if k were proportional to 1 / tolerance


def predict_the_same_k():
    return 4.6


def predict_a_hundred_times_steeper():
    return 460


# exercise id -> [(wrong answer, a piece of the message the learner must see)]
WRONG_ANSWERS = {
    "3.1": [
        (sigmoid_with_overflow_silenced, "the overflow was silenced, not avoided"),
        (sigmoid_with_warnings_filtered, "uses simplefilter"),
        (sigmoid_both_forms_with_errstate, "the overflow was silenced, not avoided"),
        (sigmoid_from_the_course, "calls the course's own sigmoid"),
        (sigmoid_one_minus_for_negatives, "the subtraction rounds a tiny σ(z) to 0"),
        (sigmoid_as_typed_in_the_lesson, "asks for a sigmoid without np.where"),
        (sigmoid_clipped, "expected 0 (at index (2,)), but got 7.12457640674e-218"),
        (naive_sigmoid, "np.exp(-z) at z = -1000 is e^1000"),
        (
            sigmoid_where_with_both_exponentials,
            "np.where computes both branches",
        ),
        (sigmoid_negative_form_everywhere, "np.where computes both branches"),
        (sigmoid_of_minus_z, "check the sign of the exponent"),
        (sigmoid_cast_to_float64, "expected dtype float32"),
        (sigmoid_as_tanh, "that is tanh"),
        (sigmoid_of_absolute_value, "for z < 0 your function gives σ(|z|)"),
        (sigmoid_as_step, "that is the step function"),
        (sigmoid_with_math_exp, "was given an array. Use numpy's versions"),
        (sigmoid_without_return, "Did you forget `return`?"),
    ],
    "3.2": [
        (sigmoid_neuron_with_overflow_silenced, "the overflow was silenced, not avoided"),
        (neuron_without_bias, "the bias b is missing"),
        (neuron_subtracting_bias, "not subtracted"),
        (neuron_returns_net_input, "that is the net input z"),
        (neuron_with_step, "the step neuron of lesson 02"),
        (neuron_sigmoid_on_inputs, "not on the inputs"),
        (neuron_outputs_as_column, "expected an array of shape (4,)"),
        (neuron_with_naive_sigmoid, "Or use activations.sigmoid"),
        (neuron_cast_to_float64, "expected dtype float32"),
    ],
    "3.3": [
        (logit_upside_down, "the sign is flipped"),
        (logit_as_log_p, "ln(p) alone is not enough"),
        (logit_with_log10, "use the natural logarithm"),
        (logit_as_odds, "that is the odds"),
        (logit_as_sigmoid, "that is σ(p)"),
        (logit_cast_to_float64, "expected dtype float32"),
    ],
    "3.4": [
        (steepness_small_tolerance_approximation, "an approximation for small tolerances"),
        (steepness_times_margin, "divide by the margin"),
        (steepness_negative, "a negative k flips the sigmoid"),
        (steepness_with_log10, "not np.log10"),
        (steepness_without_log, "take its natural logarithm"),
    ],
    "3.5": [
        (predict_ten_times_steeper, "grows only like the logarithm"),
        (predict_the_same_k, "you predicted 4.6"),
        (predict_a_hundred_times_steeper, "adds about ln 10"),
    ],
}
