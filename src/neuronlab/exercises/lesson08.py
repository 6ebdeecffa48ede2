"""Lesson 08, the activation zoo: tanh, ReLU's derivative, leaky ReLU, softplus, ELU, GELU.

Every check here calls the learner's function on the same kinds of input: a grid that includes
0, arrays of several shapes (0-d to 3-d) and extremes (±40, ±1000, ±inf). A derivative is first
compared with the slope of the function measured by centred finite differences, then with the
exact values. NaN in, NaN out and float32 in, float32 out are optional extras, reported after a
correct answer.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from neuronlab import activations as act
from neuronlab.exercises.checks import (
    Exercise,
    Keywords,
    compare_cases,
    function_exercise,
    predict_question,
    seeded,
    slopes_first,
)

_rng = seeded("8.0")  # the grid every zoo exercise shares

GRID = np.array([-5.0, -2.0, -0.5, 0.0, 0.3, 1.0, 2.0, 5.0])
MATRIX = np.round(_rng.normal(scale=2.0, size=(3, 4)), 3)
CUBE = np.round(_rng.normal(scale=2.0, size=(2, 3, 2)), 3)
SCALAR = np.array(-1.5)
EXTREMES = np.array([-np.inf, -1000.0, -40.0, 0.0, 40.0, 1000.0, np.inf])
WITH_NAN = np.array([1.5, np.nan, -0.5])
FLOAT32 = np.array([-1000.0, -40.0, -3.0, -0.5, 0.0, 0.5, 3.0, 1000.0], dtype=np.float32)
AWAY_FROM_0 = np.array([-3.7, -1.2, -0.4, 0.6, 1.9, 4.2])  # for finite differences: no kink

NAN_HINT = (
    "NaN in, NaN out: a comparison such as NaN > 0 is False, so np.where(z > 0, ...) turns NaN "
    "into a number. Let NaN through (np.isnan(z) finds it)."
)
FLOAT32_HINT = (
    "Python numbers such as 1.0 or 0.5 keep float32 as float32 when combined with z; "
    "np.float64(...), dtype=float, NumPy constants computed in float64 (e.g. np.sqrt(2 / np.pi)) "
    "and np.where(condition, 1.0, 0.5) with only Python numbers give float64."
)


def _cases(*kwargs: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The shared inputs (grid, matrix, cube, scalar, extremes, NaN), each with the keyword
    arguments given for it in that order (none when fewer are given).
    """
    inputs = (GRID, MATRIX, CUBE, SCALAR, EXTREMES, WITH_NAN)
    chosen = list(kwargs) + [{}] * (len(inputs) - len(kwargs))
    return [(z, Keywords(k)) if k else (z,) for z, k in zip(inputs, chosen, strict=True)]


def zoo_exercise(
    exercise_id: str,
    title: str,
    reference: Callable[..., np.ndarray],
    cases: Sequence[tuple[Any, ...]],
    mistakes: Sequence[tuple[Callable[..., Any], str]] = (),
    hints: Sequence[str] = (),
    warning_hint: str = "",
    error_hints: Sequence[tuple[str, str]] = (),
    float32_hint: str = FLOAT32_HINT,
    float32_cases: Sequence[tuple[Any, ...]] = ((FLOAT32,),),
    derivative_of: tuple[str, Callable[..., np.ndarray]] | None = None,
    slope_cases: Sequence[tuple[Any, ...]] = ((AWAY_FROM_0,), (AWAY_FROM_0.reshape(2, 3),)),
    **options: Any,
) -> Exercise:
    """A declaration for an element-wise function ``f(z, ...)``.

    The answer must match ``reference`` on the float64 ``cases`` without NaN. With
    ``derivative_of = (name, f)`` it is a derivative, first compared with the centred-difference
    slope of ``f`` on ``slope_cases``. NaN in, NaN out and float32 in, float32 out are optional
    extras (no lesson requires them), reported after a correct answer. ``warning_hint`` answers
    an overflow warning; ``error_hints`` pairs a piece of any other warning's text with a hint.
    """
    has_nan = [bool(np.isnan(case[0]).any()) for case in cases]
    with_nan = [case for case, nan in zip(cases, has_nan, strict=True) if nan]

    def extras(answer: Any) -> None:
        nan_hint, dtype_hint = f"Hint: {NAN_HINT}", f"Hint: {float32_hint}"
        compare_cases(answer, reference, with_nan, allow=("invalid",), explain=lambda *_: nan_hint)
        compare_cases(
            answer, reference, float32_cases, float32_rtol=1e-5, explain=lambda *_: dtype_hint
        )

    slopes = [slopes_first(*derivative_of, slope_cases, mistakes)] if derivative_of else []
    return function_exercise(
        exercise_id,
        title,
        reference,
        [case for case, nan in zip(cases, has_nan, strict=True) if not nan],
        mistakes,
        hints,
        error_hints=[*error_hints, *([("overflow", warning_hint)] if warning_hint else [])],
        prechecks=slopes,
        optional=extras,
        **options,
    )


# ---------------------------------------------------------------------------------------------
# 8.1 the sigmoid from tanh (the lesson's identity, solved the other way)
# ---------------------------------------------------------------------------------------------

ex8_1 = zoo_exercise(
    "8.1",
    "the sigmoid from tanh",
    reference=act.sigmoid,
    cases=_cases(),
    mistakes=[
        (
            lambda z: (1 + np.tanh(z)) / 2,
            "(1 + tanh z) / 2 is σ(2z), twice as steep: the identity has 2z inside σ, so tanh "
            "needs half the input.",
        ),
        (
            lambda z: (1 + np.tanh(2 * z)) / 2,
            "(1 + tanh 2z) / 2 is σ(4z): inside tanh the input is halved, not doubled.",
        ),
        (
            lambda z: 1 + np.tanh(z / 2),
            "divide by 2: 1 + tanh(z/2) lies in (0, 2), the sigmoid in (0, 1).",
        ),
        (
            lambda z: np.tanh(z / 2) / 2,
            "add 1 before halving: tanh(z/2) / 2 lies in (-0.5, 0.5), the sigmoid in (0, 1).",
        ),
        (
            lambda z: (1 - np.tanh(z / 2)) / 2,
            "the sign is flipped: (1 - tanh(z/2)) / 2 is σ(-z), which falls as z grows.",
        ),
        (
            lambda z: np.tanh(z),
            "that is tanh itself; this exercise asks for the sigmoid σ(z), computed with tanh.",
        ),
    ],
    warning_hint=(
        "1 / (1 + np.exp(-z)) overflows once -z passes about 709, and this exercise asks for "
        "the sigmoid through np.tanh, which never overflows: solve tanh u = 2σ(2u) - 1 for σ."
    ),
    hints=[
        "Start from the lesson's identity, tanh u = 2σ(2u) - 1, and solve it for σ(2u): add 1 "
        "to both sides, then divide by 2.",
        "That gives σ at 2u. To get σ at z, choose u so that 2u = z.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 8.2 ReLU's derivative, with the convention at 0
# ---------------------------------------------------------------------------------------------

ex8_2 = zoo_exercise(
    "8.2",
    "ReLU's derivative, 0 at z = 0",
    reference=act.relu_derivative,
    cases=_cases(),
    derivative_of=("ReLU", act.relu),
    mistakes=[
        (lambda z: np.where(z > 0, 1.0, 0.0), NAN_HINT),  # first: on NaN it equals the next one
        (
            lambda z: np.where(z >= 0, 1.0, 0.0),
            "at the kink z = 0 this course, like PyTorch, TensorFlow and JAX, uses the slope 0: "
            "the derivative is 1 only where z > 0.",
        ),
        (
            lambda z: np.maximum(z, 0.0),
            "that is ReLU itself; its derivative is its slope, 0 or 1.",
        ),
        (
            lambda z: np.sign(z),
            "for negative z ReLU is flat, so its slope there is 0, not -1.",
        ),
        (
            lambda z: np.where(z > 0, 0.0, 1.0),
            "0 and 1 are swapped: the slope is 1 on the right (z > 0), where ReLU is the line z.",
        ),
    ],
    float32_hint=(
        "np.where(condition, 1.0, 0.0) builds a float64 array whatever z is; convert the result "
        "with .astype(z.dtype), or look up np.heaviside, whose second argument is the value at 0."
    ),
    hints=[
        "ReLU is max(0, z): flat (slope 0) on the left, the line z (slope 1) on the right.",
        "At z = 0 there is a kink; the convention here is slope 0, so the slope is 1 only strictly "
        "to the right of 0. np.where(condition, 1.0, 0.0) turns a comparison into slopes.",
        "Optional extras: keep the dtype with .astype(z.dtype), and let NaN through with "
        "np.isnan(z).",
    ],
)


# ---------------------------------------------------------------------------------------------
# 8.3 leaky ReLU with a slope
# ---------------------------------------------------------------------------------------------

ex8_3 = zoo_exercise(
    "8.3",
    "leaky ReLU with a slope",
    reference=act.leaky_relu,
    cases=_cases({}, {"slope": 0.2}, {"slope": 0.3}, {}, {}, {"slope": 0.1}),
    float32_cases=[(FLOAT32,), (FLOAT32, Keywords(slope=0.25))],
    mistakes=[
        (
            lambda z, slope=0.3: np.where(z > 0, z, slope * z),
            "the default slope here is 0.01, as in PyTorch (Keras's LeakyReLU layer uses 0.3).",
        ),
        (
            lambda z, slope=0.01: np.where(z > 0, slope * z, z),
            "the slope belongs to the negative side: z for z > 0, slope · z otherwise.",
        ),
        (
            lambda z, slope=0.01: np.maximum(z, 0.0),
            "that is plain ReLU: for negative z the output is slope · z, not 0.",
        ),
        (
            lambda z, slope=0.01: np.where(z > 0, z, slope),
            "for z <= 0 the output is slope · z (a line through 0), not the constant slope.",
        ),
        (
            lambda z, slope=0.01: np.where(z > 0, z, 0.01 * z),
            "use the argument `slope` instead of a fixed 0.01.",
        ),
    ],
    hints=[
        "Leaky ReLU is z where z > 0 and slope · z elsewhere; the default slope is 0.01.",
        "np.where(condition, a, b) picks a or b element by element.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 8.4 softplus without overflow
# ---------------------------------------------------------------------------------------------

ex8_4 = zoo_exercise(
    "8.4",
    "softplus without overflow",
    reference=act.softplus,
    cases=[
        *_cases(),
        # between the grid's 5 and the extremes' 40: where an early switch to z shows
        (np.array([5.5, 6.0, 8.0, 10.5, 15.0, 20.5, 25.0]),),
    ],
    atol=0.0,  # the tail matters: softplus(-40) ≈ 4.2e-18 is not 0
    mistake_rtol=1e-7,  # a switch at 10 is off by 2.6e-6 at 10.5: name it, though it is close
    mistakes=[
        *[
            (
                lambda z, t=threshold: np.where(z > t, z, np.log1p(np.exp(np.minimum(z, t)))),
                f"switching to z above {threshold} drops log(1 + e^(-z)), about e^(-z): "
                f"{math.exp(-threshold - 0.5):.1e} at z = {threshold + 0.5}, more than the check "
                "allows (relative 1e-6). Split off max(z, 0) instead: the rest, "
                "log(1 + e^(-|z|)), is then right for every z, with no threshold.",
            )
            for threshold in (5, 10)
        ],
        (
            lambda z: np.maximum(z, 0.0) + np.log(1.0 + np.exp(-np.abs(z))),
            "no overflow now, but the tail is lost: 1 + e^(-40) rounds to exactly 1 in float64, "
            "so its log is 0. np.log1p(x) computes log(1 + x) accurately when x is tiny.",
        ),
        (
            lambda z: np.maximum(z, 0.0),
            "that is ReLU; softplus is a smooth ReLU, log 2 ≈ 0.693 at z = 0.",
        ),
        (
            lambda z: np.log1p(np.exp(-np.abs(z))),
            "the large part is missing: for z > 0, log(1 + e^z) = z + log(1 + e^(-z)).",
        ),
        (
            lambda z: np.maximum(z, 0.0) + np.log1p(np.exp(-z)),
            "take e to -|z|, not -z, so that the power is never positive.",
        ),
    ],
    warning_hint=(
        "e^z overflows for z above about 709 (88 in float32), so log(1 + e^z) cannot be "
        "computed as written; np.where does not help, it computes both branches everywhere. "
        "Split off the large part, max(z, 0), so that e is only ever raised to a power <= 0."
    ),
    hints=[
        "For z > 0: log(1 + e^z) = log(e^z (e^(-z) + 1)) = z + log(1 + e^(-z)).",
        "For z < 0 nothing needs splitting off: e^z is already small. To write both cases as one "
        "expression, find what is z for z > 0 and 0 for z < 0, and what is -z for z > 0 and z "
        "for z < 0.",
        "For log(1 + tiny) use np.log1p(tiny), which keeps the tail (softplus(-40) ≈ 4.2e-18).",
    ],
)


# ---------------------------------------------------------------------------------------------
# 8.5 ELU's derivative
# ---------------------------------------------------------------------------------------------

ex8_5 = zoo_exercise(
    "8.5",
    "ELU's derivative",
    reference=act.elu_derivative,
    cases=[
        *_cases({}, {"alpha": 0.5}, {"alpha": 2.0}, {}, {}, {"alpha": 0.5}),
        (np.array([-1.0, 0.0, 1.0]), Keywords(alpha=0.5)),  # at the kink, alpha != 1: alpha
    ],
    float32_cases=[(FLOAT32,), (FLOAT32, Keywords(alpha=0.5))],
    derivative_of=("ELU", act.elu),
    slope_cases=[(AWAY_FROM_0,), (AWAY_FROM_0.reshape(3, 2), Keywords(alpha=0.5))],
    mistakes=[
        (
            lambda z, alpha=1.0: np.where(z > 0, 1.0, alpha * (np.exp(np.minimum(z, 0.0)) - 1.0)),
            "that is ELU's own value on the negative side; the derivative of α (e^z - 1) is α e^z "
            "(the -1 is a constant).",
        ),
        (
            lambda z, alpha=1.0: np.where(z > 0, 1.0, np.exp(np.minimum(z, 0.0))),
            "multiply by alpha: for z <= 0 the slope is α e^z.",
        ),
        (
            lambda z, alpha=1.0: np.where(z > 0, z, alpha * np.exp(np.minimum(z, 0.0))),
            "for z > 0 ELU is the line z, whose slope is 1.",
        ),
        (
            lambda z, alpha=1.0: np.where(z > 0, 1.0, 0.0),
            "that is ReLU's derivative; ELU curves on the negative side, with slope α e^z.",
        ),
        (
            lambda z, alpha=1.0: np.where(z >= 0, 1.0, alpha * np.exp(np.minimum(z, 0.0))),
            "at z = 0 (where the two sides meet, a kink when α is not 1) take the slope of the "
            "z <= 0 formula, as the package does: α e^0 = α. The slope is 1 only where z > 0.",
        ),
    ],
    warning_hint=(
        "np.where computes both branches on every element, so np.exp(z) still runs at "
        "z = 1000 and overflows, even though that value is thrown away. Raise e to min(z, 0) "
        "instead (np.minimum): the same for z <= 0, and harmless for z > 0."
    ),
    hints=[
        "ELU is z for z > 0 and α (e^z - 1) otherwise. Differentiate each side.",
        "The derivative of a constant such as -α is 0, and the derivative of e^z is e^z.",
        "np.where computes both branches everywhere: make the exponential's argument safe for "
        "every z first (np.minimum(z, 0) is never positive).",
    ],
)


# ---------------------------------------------------------------------------------------------
# 8.6 GELU's tanh approximation
# ---------------------------------------------------------------------------------------------

_C = math.sqrt(2.0 / math.pi)

ex8_6 = zoo_exercise(
    "8.6",
    "GELU's tanh approximation, as a sigmoid",
    reference=act.gelu_tanh,
    cases=[
        *_cases()[:4],
        (np.array([-1000.0, -40.0, -6.0, 0.0, 6.0, 40.0, 1000.0, np.inf]),),
        (WITH_NAN,),
    ],
    mistakes=[
        (
            act.gelu,
            "that is the exact GELU, z Φ(z); this exercise asks for its tanh approximation "
            "(the two differ by up to about 4.7e-4).",
        ),
        (
            lambda z: 0.5 * z * (1 + np.tanh(_C * (z + 0.044715 * z**2))),
            "the correction term is cubic: 0.044715 z³ (z**3).",
        ),
        (
            lambda z: z * (1 + np.tanh(_C * (z + 0.044715 * z**3))),
            "the factor 0.5 is missing: (1 + tanh u) goes from 0 to 2.",
        ),
        (
            lambda z: 0.5 * z * (1 + np.tanh(math.sqrt(math.pi / 2) * (z + 0.044715 * z**3))),
            "the constant is √(2/π), not √(π/2).",
        ),
        (
            lambda z: 0.5 * (1 + np.tanh(_C * (z + 0.044715 * z**3))),
            "that is the gate, which approximates Φ(z); GELU multiplies it by z.",
        ),
        (
            lambda z: 0.5 * z * (1 + np.tanh(z + 0.044715 * z**3)),
            "multiply the inner sum by √(2/π) before taking tanh.",
        ),
        (
            lambda z: z * act.sigmoid(_C * (z + 0.044715 * z**3)),
            "(1 + tanh u) / 2 is σ(2u), not σ(u): exercise 8.1's identity has 2u inside σ.",
        ),
        (
            lambda z: z * act.sigmoid(1.702 * z),
            "that is the paper's cheaper approximation z σ(1.702 z), up to 0.02 away from GELU; "
            "this exercise asks for the tanh approximation, z σ(2u).",
        ),
        *[
            (
                lambda z, c=rounded: 0.5 * z * (1 + np.tanh(c * (z + 0.044715 * z**3))),
                f"√(2/π) rounded to {rounded} moves the result by more than the check allows: "
                "compute it, (2 / np.pi) ** 0.5.",
            )
            for rounded in (0.8, 0.798, 0.7979, 0.7978, 0.79788)
        ],
    ],
    close_hint=(
        "your values are close, but not within the check's tolerance (relative 1e-6). A "
        "constant typed with a few digits is the usual cause: compute √(2/π) as (2 / np.pi) ** 0.5."
    ),
    hints=[
        "Exercise 8.1 solved tanh u = 2σ(2u) - 1 for σ. Here you need the other direction: "
        "what is (1 + tanh u) / 2, as a sigmoid?",
        "Name the tanh's argument u = √(2/π) (z + 0.044715 z³). The package's sigmoid "
        "(from neuronlab.activations import sigmoid) never overflows, so 2u may be huge.",
        "Compute the constant as a plain Python float, e.g. (2 / np.pi) ** 0.5 or "
        "math.sqrt(2 / math.pi), so float32 stays float32.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 8.8 Transfer: the derivative of an activation the zoo did not show
# ---------------------------------------------------------------------------------------------


def _softsign(z):
    return z / (1 + np.abs(z))


def _softsign_derivative(z):
    return 1 / (1 + np.abs(z)) ** 2


ex8_8 = zoo_exercise(
    "8.8",
    "transfer: the derivative of softsign",
    reference=_softsign_derivative,
    cases=_cases(),
    derivative_of=("softsign", _softsign),
    mistakes=[
        (
            lambda z: 1 / (1 + np.abs(z)),
            "for z > 0, z / (1 + z) = 1 - 1 / (1 + z), and the slope of 1 / (1 + z) = (1 + z)^(-1) "
            "is -(1 + z)^(-2) (power and chain rules): the denominator ends up squared.",
        ),
        (
            lambda z: (1 + 2 * np.abs(z)) / (1 + np.abs(z)) ** 2,
            "for z > 0, |z|' = 1 and the numerator is (1 + z) - z · 1 = 1: subtract the second term.",
        ),
        (
            lambda z: 1 / (1 + z) ** 2,
            "for z < 0 the denominator is 1 + |z| = 1 - z: keep the absolute value.",
        ),
        (
            lambda z: np.sign(z) / (1 + np.abs(z)) ** 2,
            "softsign rises everywhere, so its slope is positive on both sides of 0.",
        ),
    ],
    error_hints=[
        (
            "divide by zero",
            "np.where computes both branches on every element, so a branch such as 1 / (1 - z) "
            "still runs at z = 1 and divides by zero, though its value is thrown away there. "
            "Write the two sides as one expression in |z| (for z < 0, 1 - z is 1 + |z|).",
        ),
        (
            "invalid value",
            "at z = ±inf an intermediate step gives inf - inf or 0 · inf, which have no value. "
            "Simplify your expression first (z · np.sign(z), for instance, is |z|).",
        ),
    ],
    hints=[
        "On paper, work out z > 0 and z < 0 separately, where |z| is z or -z; then write the "
        "two results as one expression in |z|.",
        "For z > 0, z / (1 + z) = 1 - 1 / (1 + z) = 1 - (1 + z)^(-1): use the power and chain "
        "rules of lesson 04. For z < 0 do the same with 1 - z, then compare the two sides.",
    ],
)


# Predict, then run: the lesson's 100,000 normal net inputs (seed 7), through leaky ReLU
_NET_INPUTS = np.random.default_rng(7).normal(size=100_000)

ex8_7 = predict_question(
    "8.7",
    "predict: the mean of leaky ReLU with slope 0.3",
    answer=float(act.leaky_relu(_NET_INPUTS, slope=0.3).mean()),
    rtol=0.05,  # 0.25 or 0.3 (guesses near the answer 0.278) are wrong
    explanation="leaky(z) = ReLU(z) - 0.3 ReLU(-z). The net inputs are symmetric about 0, so "
    "ReLU(-z) has the same mean as ReLU(z), 0.397, and the mean is (1 - 0.3) · 0.397 ≈ 0.278.",
    hints=[
        "Split leaky ReLU into its two sides: ReLU(z) on the right, 0.3 z on the left.",
        "The net inputs are spread symmetrically about 0: for every positive value there is, "
        "roughly, a negative one of the same size.",
    ],
)
