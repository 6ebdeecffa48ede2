"""Lesson 03, the sigmoid: a stable sigmoid, a steeper sigmoid neuron, its inverse, its steepness.

Each check is a declaration (:func:`~neuronlab.exercises.checks.function_exercise`): in 3.1,
3.3 and 3.4 a float32 input must give float32 back (``check_dtype``), and when the learner's function overflows, a
targeted hint (:func:`overflow_hint`, which lesson 04 uses too) says where the overflow comes from.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from neuronlab.activations import sigmoid as _sigmoid
from neuronlab.exercises.checks import (
    Incorrect,
    avoids_not_silences,
    function_exercise,
    predict_question,
    seeded,
    uses_names,
    written_without,
)

# ---------------------------------------------------------------------------------------------
# The overflow hint (lesson 04 imports it too)
# ---------------------------------------------------------------------------------------------


def overflow_hint(args: tuple[Any, ...], message: str) -> str:
    """Where a RuntimeWarning in a sigmoid-like function comes from, and how to avoid it."""
    z = np.asarray(args[0])
    if "overflow" in message and z.size and np.all(z > 0):
        return (
            "np.exp overflowed for a large *positive* z, so something takes np.exp(z). If you "
            "used np.where(z >= 0, ..., np.exp(z) / (1 + np.exp(z))): np.where computes both "
            "branches for every element before it chooses, so the branch meant for z < 0 still "
            "runs at z = 1000. Compute e = np.exp(-np.abs(z)) once instead: it is never above 1."
        )
    if "overflow" in message:
        return (
            "np.exp overflowed at a large *negative* z: np.exp(-z) at z = -1000 is e^1000, far "
            "beyond the largest float (about 1.8e308 in float64; in float32, 3.4e38, even "
            "z = -100 overflows). Only ever take np.exp of numbers <= 0: with "
            "e = np.exp(-np.abs(z)), σ(z) is 1 / (1 + e) where z >= 0 and e / (1 + e) where z < 0."
        )
    if "invalid value" in message:
        return (
            "a NaN was made from inf / inf or inf - inf: at z = ±1000 or ±inf, np.exp of a "
            "large number gives inf. Only ever take np.exp of numbers <= 0, e.g. "
            "e = np.exp(-np.abs(z))."
        )
    if "divide by zero" in message:
        return "something was divided by 0; check which expression can become 0 at extreme z."
    return ""


# ---------------------------------------------------------------------------------------------
# 3.1 A numerically stable sigmoid
# ---------------------------------------------------------------------------------------------

_rng = seeded("3.1")


def _naive(z):
    return 1 / (1 + np.exp(-z))


def _one_minus_for_negative_z(z):
    s = 1 / (1 + np.exp(-np.abs(z)))
    return np.where(np.asarray(z) >= 0, s, 1 - s)


SIGMOID_CASES = [
    (0.0,),
    (np.array([-2.0, -1.0, 0.0, 1.0, 2.0]),),
    (np.linspace(-8.0, 8.0, 12).reshape(3, 4),),
    (np.array([10.0, 100.0, 1000.0]),),
    (np.array([-10.0, -100.0, -1000.0]),),
    (np.array([-np.inf, np.inf]),),
    (np.array([-1e308, 1e308]),),
    (np.array([-720.0, -710.0, -40.0, 40.0, 720.0]),),  # σ(-720) ≈ 2.0e-313: tiny, not 0
    (np.linspace(-20.0, 20.0, 9, dtype=np.float32),),
    (np.array([-1000.0, -100.0, 100.0, 1000.0], dtype=np.float32),),
    (_rng.normal(scale=5.0, size=(2, 3, 4)),),
]

SIGMOID_MISTAKES: list[tuple[Callable[..., Any], str]] = [
    (
        _naive,
        "the overflow was silenced, not avoided: np.exp(-z) overflows to inf for z below "
        "about -709 and 1 / (1 + inf) gives 0, but σ(-720) ≈ 2.0e-313 is a number a float can "
        "hold. Hiding the warning (np.errstate, warnings.filterwarnings) leaves the wrong "
        "result; only ever take np.exp of numbers <= 0.",
    ),
    (
        lambda z: _sigmoid(-z),
        "that is σ(-z) = 1 - σ(z), the sigmoid flipped: check the sign of the exponent, "
        "σ(z) = 1 / (1 + e^(-z)) is above 0.5 for z > 0.",
    ),
    (
        lambda z: np.tanh(z),
        "that is tanh, which runs from -1 to 1; the sigmoid runs from 0 to 1.",
    ),
    (
        lambda z: _sigmoid(np.abs(z)),
        "for z < 0 your function gives σ(|z|) (above 0.5): where z < 0 use e / (1 + e) "
        "with e = e^z.",
    ),
    (
        lambda z: np.where(np.asarray(z) >= 0, 1.0, 0.0),
        "that is the step function; the sigmoid is 1 / (1 + e^(-z)).",
    ),
    (
        lambda z: 1 / (1 + np.exp(z)),
        "that is σ(-z): check the sign of the exponent, σ(z) = 1 / (1 + e^(-z)).",
    ),
    (
        _one_minus_for_negative_z,
        "for z < 0 you compute 1 - σ(|z|): the subtraction rounds a tiny σ(z) to 0 (the "
        "lesson's trap with 1 - σ). Compute the small value directly, as e / (1 + e).",
    ),
]


def _without_where(answer: Any) -> None:
    """After the cases: right values, but the lesson's np.where version re-typed."""
    if uses_names(answer, {"where", "select", "piecewise"}):
        raise Incorrect(
            "your values are right, but this exercise asks for a sigmoid without np.where (the "
            "lesson's version): np.where computes both forms at every z and throws half away. "
            "Compute each form only where it applies (a boolean mask), or find one formula "
            "that serves both signs of z."
        )


ex3_1 = function_exercise(
    "3.1",
    "a sigmoid that never overflows",
    reference=_sigmoid,
    cases=SIGMOID_CASES,
    mistakes=SIGMOID_MISTAKES,
    error_hints=overflow_hint,
    prechecks=[avoids_not_silences, written_without(_sigmoid)],
    postchecks=[_without_where],
    atol=0.0,
    check_dtype=True,
    hints=[
        "Start from σ(z) = 1 / (1 + e^(-z)). For which z is e^(-z) enormous?",
        "For z < 0, multiply top and bottom by e^z: σ(z) = e^z / (1 + e^z). Now the exponent "
        "is negative too.",
        "One exponential serves both forms: e^(-|z|) is e^(-z) for z >= 0 and e^z for z < 0, "
        "and it is never above 1. Written with it, both forms have the same denominator.",
        "Without np.where: either fill an output array (z = np.asarray(z) first, so that a "
        "plain number works too; then out = np.empty_like(z)) in two steps, out[z >= 0] = ... "
        "and out[z < 0] = ..., each computed from z[z >= 0] or z[z < 0] only; or compare the two "
        "numerators, 1 (for z >= 0) and e^z (for z < 0): can one power of e give both?",
    ],
)


# ---------------------------------------------------------------------------------------------
# 3.2 A sigmoid neuron made steeper, for several k at once (the lesson printed one k per line)
# ---------------------------------------------------------------------------------------------

_rng = seeded("3.2")

_AND_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
_AND_W = np.array([1.0, 1.0])


def _steepened_outputs(X, w, b, ks):
    z = np.asarray(X) @ np.asarray(w) + b
    return _sigmoid(np.asarray(ks)[:, None] * z)


def _outputs_for_one_k(X, w, b, ks):
    return _sigmoid(ks[0] * (X @ w + b))


STEEPENED_CASES = [
    (_AND_X.copy(), _AND_W.copy(), -1.5, np.array([1.0, 3.0, 10.0])),
    (_rng.normal(size=(5, 3)), np.array([0.8, -1.2, 0.4]), 0.3, np.array([0.5, 2.0])),
    (np.array([[2.0, -1.0, 0.5]]), np.array([0.5, 0.5, -2.0]), -0.25, np.array([4.0])),
    (_rng.normal(size=(3, 2)), np.array([1.5, -0.5]), 0.5, np.array([0.1, 1.0, 25.0])),
    (_AND_X.copy(), _AND_W.copy(), -1.5, np.array([1440.0])),  # z = -720: σ ≈ 2e-313, not 0
    (_rng.normal(size=(6, 4)), _rng.normal(size=4), -0.7, np.array([1.0, 5.0, 125.0, 0.2])),
]

STEEPENED_MISTAKES: list[tuple[Callable[..., Any], str]] = [
    (
        lambda X, w, b, ks: _sigmoid(np.asarray(ks)[:, None] * (X @ w) + b),
        "k multiplies the weights but not the bias: the lesson's trap, where w = (10, 10) with "
        "b = -1.5 behaved like OR. Multiply the bias by k too: σ(X (k w) + k b) = σ(k (X w + b)).",
    ),
    (
        lambda X, w, b, ks: np.asarray(ks)[:, None] * _sigmoid(X @ w + b),
        "k goes inside σ, on the net input: σ(k z), not k σ(z). Outputs above 1 cannot come "
        "from a sigmoid.",
    ),
    (
        lambda X, w, b, ks: _steepened_outputs(X, w, b, ks).T,
        "rows and columns are swapped: one row per k, one column per sample, shape "
        "(len(ks), n_samples).",
    ),
    (
        lambda X, w, b, ks: np.round(_steepened_outputs(X, w, b, ks), 3),
        "you rounded the outputs: the lesson rounds only to print them. Return the full values.",
    ),
    (
        lambda X, w, b, ks: np.tile(_sigmoid(X @ w + b), (len(ks), 1)),
        "every row is σ(X w + b), the outputs for k = 1: each row must use its own k.",
    ),
    (
        _outputs_for_one_k,
        "that is the outputs for the first k only; return one row per k, shape "
        "(len(ks), n_samples). If you wrote a loop, is `return` indented inside it?",
    ),
    (
        lambda X, w, b, ks: _naive(np.asarray(ks)[:, None] * (X @ w + b)),
        SIGMOID_MISTAKES[0][1],
    ),
]


def _steepened_overflow_hint(args: tuple[Any, ...], message: str) -> str:
    z = np.asarray(args[3])[:, None] * (np.asarray(args[0]) @ np.asarray(args[1]) + args[2])
    text = overflow_hint((z,), message)
    return f"{text} Or use activations.sigmoid, which is safe." if text else ""


ex3_2 = function_exercise(
    "3.2",
    "a sigmoid neuron made steeper, for several k at once",
    reference=_steepened_outputs,
    cases=STEEPENED_CASES,
    mistakes=STEEPENED_MISTAKES,
    atol=0.0,
    error_hints=_steepened_overflow_hint,
    prechecks=[avoids_not_silences],
    hints=[
        "For one k, the lesson multiplied the weights *and* the bias by k. Since "
        "X (k w) + k b = k (X w + b), you can compute the net inputs z = X w + b once and "
        "reuse them for every k.",
        "One row per k: for each k, the row is σ applied to k times the net inputs. A loop that "
        "appends each row to a list, then np.array of the list, gives shape (len(ks), n_samples).",
        "Without a loop: ks[:, None] has shape (len(ks), 1) and z has shape (n_samples,); numpy "
        "stretches both to (len(ks), n_samples) when it multiplies them.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 3.3 The inverse of the sigmoid: the logit
# ---------------------------------------------------------------------------------------------

_rng = seeded("3.3")


def _logit(p):
    p = np.asarray(p)
    return np.log(p) - np.log1p(-p)


LOGIT_CASES = [
    (0.5,),
    (np.array([0.1, 0.25, 0.75, 0.9]),),
    (np.array([[0.01, 0.2, 0.5], [0.6, 0.95, 0.999]]),),
    (np.array([1e-12, 1e-300, 0.999999]),),
    (_sigmoid(np.array([-30.0, -5.0, 0.5, 5.0, 30.0])),),
    (np.array([0.1, 0.25, 0.75, 0.9, 0.999], dtype=np.float32),),
    (_sigmoid(_rng.normal(scale=3.0, size=(3, 2, 2))),),
]

LOGIT_MISTAKES: list[tuple[Callable[..., Any], str]] = [
    (
        lambda p: np.log((1 - p) / p),
        "the sign is flipped: logit(p) = ln(p / (1 - p)), which is positive when p > 0.5 "
        "(the neuron fires more than half way only for z > 0).",
    ),
    (
        lambda p: np.log(p),
        "ln(p) alone is not enough: solve p = 1 / (1 + e^(-z)) for z; the odds p / (1 - p) "
        "appear on the way.",
    ),
    (
        lambda p: np.log10(p / (1 - p)),
        "use the natural logarithm np.log; np.log10 is base 10, and the sigmoid is built on e.",
    ),
    (
        lambda p: p / (1 - p),
        "that is the odds p / (1 - p) = e^z; take its natural logarithm to get z.",
    ),
    (
        lambda p: _sigmoid(p),
        "that is σ(p), the sigmoid itself; you need its inverse: the z with σ(z) = p.",
    ),
]


ex3_3 = function_exercise(
    "3.3",
    "the net input for a given output (the logit)",
    reference=_logit,
    cases=LOGIT_CASES,
    mistakes=LOGIT_MISTAKES,
    error_hints=[
        (
            "divide by zero",
            "for p extremely close to 0 or 1, 1 - p or p rounds to 0: compute "
            "ln(p) - ln(1 - p) with np.log(p) - np.log1p(-p).",
        )
    ],
    check_dtype=True,
    hints=[
        "Solve p = 1 / (1 + e^(-z)) for z: first 1 / p = 1 + e^(-z).",
        "Then e^(-z) = (1 - p) / p, so e^z = p / (1 - p): take the natural log.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 3.4 How steep must the sigmoid be to pass for a step?
# ---------------------------------------------------------------------------------------------


def _steepness_for(margin, tolerance):
    return np.log((1 - np.asarray(tolerance)) / tolerance) / margin


STEEPNESS_CASES = [
    (0.5, 0.1),
    (0.1, 0.01),
    (1.0, 0.25),
    (2.0, 0.05),
    (0.01, 1e-3),
    (np.array([1.0, 0.1, 0.01]), 0.05),
]

STEEPNESS_MISTAKES: list[tuple[Callable[..., Any], str]] = [
    (
        lambda m, t: np.log(1 / t) / m,
        "close, but that is an approximation for small tolerances. Solve σ(k · margin) = "
        "1 - tolerance exactly: k · margin is the logit of 1 - tolerance, "
        "ln((1 - tolerance) / tolerance).",
    ),
    (
        lambda m, t: np.log((1 - t) / t) * m,
        "divide by the margin rather than multiply: the narrower the margin, the steeper the "
        "sigmoid must be (k grows as the margin shrinks).",
    ),
    (
        lambda m, t: np.log(t / (1 - t)) / m,
        "a negative k flips the sigmoid: σ(k · margin) must be 1 - tolerance (close to 1), so "
        "k · margin = ln((1 - tolerance) / tolerance) > 0.",
    ),
    (
        lambda m, t: np.log10((1 - t) / t) / m,
        "use the natural logarithm np.log, not np.log10.",
    ),
    (
        lambda m, t: (1 - t) / t / m,
        "(1 - tolerance) / tolerance is e^(k · margin): take its natural logarithm.",
    ),
]


ex3_4 = function_exercise(
    "3.4",
    "how steep must the sigmoid be?",
    reference=_steepness_for,
    cases=STEEPNESS_CASES,
    mistakes=STEEPNESS_MISTAKES,
    check_dtype=True,
    hints=[
        "Where is σ(kz) farthest from the step, among the z with |z| >= margin? The farther z is "
        "from 0, the closer σ(kz) gets to 0 or 1, so the worst place is the edge |z| = margin.",
        "By symmetry, σ(-kz) = 1 - σ(kz), so one condition is enough: σ(k · margin) = "
        "1 - tolerance. Solve it for k.",
        "σ(x) = p means x = logit(p), your answer to exercise 3.3; here x = k · margin and "
        "p = 1 - tolerance.",
    ],
)


# Predict, then run
ex3_5 = predict_question(
    "3.5",
    "predict: how steep for a tolerance of 0.001?",
    answer=float(_steepness_for(1.0, 0.001)),
    explanation="k grows only like the logarithm of 1 / tolerance: a tolerance 10 times "
    "tighter adds about ln 10 ≈ 2.3 to k (4.6 becomes 6.9), while a margin 10 times narrower "
    "would multiply k by 10.",
    hints=[
        "Your answer to 3.4 takes the logarithm of (1 - tolerance) / tolerance. How much does "
        "a natural logarithm grow when the number inside it becomes 10 times larger?"
    ],
)
