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


def steepened_outputs_with_overflow_silenced(X, w, b, ks):
    with np.errstate(over="ignore"):
        return np.array([1 / (1 + np.exp(-k * (X @ w + b))) for k in ks])


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


def steepened_outputs_k_on_weights_only(X, w, b, ks):
    return np.array([stable(X @ (k * w) + b) for k in ks])


def steepened_outputs_k_outside_sigmoid(X, w, b, ks):
    return np.array([k * stable(X @ w + b) for k in ks])


def steepened_outputs_one_column_per_k(X, w, b, ks):
    z = X @ w + b
    return stable(z[:, None] * ks)  # (n_samples, len(ks))


def steepened_outputs_rounded_as_in_the_lesson(X, w, b, ks):
    return np.round(np.array([stable(k * (X @ w + b)) for k in ks]), 3)


def steepened_outputs_k_never_used(X, w, b, ks):
    rows = []
    for k in ks:  # noqa: B007  (the mistake: k is never used)
        rows.append(stable(X @ w + b))
    return np.array(rows)


def steepened_outputs_return_inside_the_loop(X, w, b, ks):
    rows = []
    for k in ks:
        rows.append(stable(k * (X @ w + b)))
        return rows[0]


def steepened_outputs_with_naive_sigmoid(X, w, b, ks):
    return np.array([1 / (1 + np.exp(-k * (X @ w + b))) for k in ks])


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
        (steepened_outputs_with_overflow_silenced, "the overflow was silenced, not avoided"),
        (steepened_outputs_k_on_weights_only, "k multiplies the weights but not the bias"),
        (steepened_outputs_k_outside_sigmoid, "σ(k z), not k σ(z)"),
        (steepened_outputs_one_column_per_k, "rows and columns are swapped"),
        (steepened_outputs_rounded_as_in_the_lesson, "you rounded the outputs"),
        (steepened_outputs_k_never_used, "each row must use its own k"),
        (steepened_outputs_return_inside_the_loop, "the outputs for the first k only"),
        (steepened_outputs_with_naive_sigmoid, "Or use activations.sigmoid"),
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
