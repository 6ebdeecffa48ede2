"""Lesson 04, derivatives and gradient descent: σ', its cheap form, finite differences,
relative error, and one step of gradient descent on a sigmoid neuron.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from neuronlab.activations import sigmoid as _sigmoid
from neuronlab.activations import sigmoid_derivative as _sigmoid_derivative
from neuronlab.exercises.checks import (
    compare_cases,
    describe,
    expect_error,
    function_exercise,
    predict_question,
    seeded,
)
from neuronlab.exercises.lesson03 import overflow_hint
from neuronlab.gradcheck import numerical_derivative, numerical_gradient

# ---------------------------------------------------------------------------------------------
# 4.1 The sigmoid's derivative from the net input
# ---------------------------------------------------------------------------------------------

_rng = seeded("4.1")

_NET_INPUT_MISTAKE = (
    "that is z (1 - z), the formula applied to the net input z. The shortcut s (1 - s) is the "
    "derivative only when s is the sigmoid's *output*: compute s = σ(z) first, then s (1 - s)."
)

PRIME_MISTAKES = [
    (lambda z: z * (1 - z), _NET_INPUT_MISTAKE),
    (
        lambda z: _sigmoid(z),
        "that is σ(z) itself, not its slope; the slope is σ(z) (1 - σ(z)).",
    ),
    (
        lambda z: _sigmoid_derivative(_sigmoid(z)),
        "you applied the sigmoid twice: with s = σ(z), the derivative is s (1 - s), not "
        "σ(s) (1 - σ(s)).",
    ),
    (
        lambda z: 1 - _sigmoid(z) ** 2,
        "1 - σ(z)² is the pattern of tanh's derivative (1 - tanh²); the sigmoid's is "
        "σ(z) (1 - σ(z)).",
    ),
    (
        lambda z: -_sigmoid_derivative(z),
        "the sign is flipped: the sigmoid rises everywhere, so its slope is positive.",
    ),
    (
        lambda z: _sigmoid(z) * (1 + _sigmoid(z)),
        "check the sign inside the bracket: σ(z) (1 - σ(z)).",
    ),
]

FD_GRID = np.array([-4.0, -2.0, -0.5, 0.0, 0.5, 2.0, 4.0])

PRIME_CASES = [
    (0.0,),
    (np.linspace(-6.0, 6.0, 12).reshape(3, 4),),
    (np.array([10.0, 100.0, 1000.0]),),
    (np.array([-10.0, -100.0, -1000.0]),),
    (np.array([-np.inf, np.inf]),),
    (np.linspace(-10.0, 10.0, 9, dtype=np.float32),),
    (np.array([-1000.0, -100.0, 100.0, 1000.0], dtype=np.float32),),
    (_rng.normal(scale=4.0, size=(2, 3, 4)),),
]


def _slopes_first(answer: Any) -> None:
    """First against the slope measured numerically: what a derivative *is*."""
    compare_cases(
        answer,
        lambda z: numerical_derivative(_sigmoid, z),
        [(FD_GRID,)],
        PRIME_MISTAKES,
        given=lambda a: (
            f"z = {describe(a[0])}, the slope of σ measured with a centred difference "
            "(σ(z + h) - σ(z - h)) / 2h"
        ),
        atol=1e-9,
    )


ex4_1 = function_exercise(
    "4.1",
    "the sigmoid's derivative",
    reference=_sigmoid_derivative,
    cases=PRIME_CASES,
    mistakes=PRIME_MISTAKES,
    error_hints=overflow_hint,
    check_dtype=True,
    prechecks=[_slopes_first],
    hints=[
        "σ'(z) = σ(z) (1 - σ(z)). The z inside is the net input: compute σ(z) first.",
        "activations.sigmoid is safe at any z: call it once and reuse its result in the formula.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 4.2 The derivative from the sigmoid's output
# ---------------------------------------------------------------------------------------------

_rng = seeded("4.2")


def _derivative_from_output(s):
    s = np.asarray(s)
    return s * (1 - s)


FROM_OUTPUT_CASES = [
    (np.array([0.0, 0.1, 0.5, 0.9, 1.0]),),
    (0.5,),
    (_sigmoid(np.array([-3.0, -1.0, 0.0, 1.0, 3.0])),),
    (_sigmoid(_rng.normal(scale=3.0, size=(3, 4))),),
    (np.array([0.0, 0.25, 0.5, 0.75, 1.0], dtype=np.float32),),
]

FROM_OUTPUT_MISTAKES = [
    (
        lambda s: _sigmoid_derivative(s),
        "s is already the sigmoid's output σ(z): return s (1 - s). Applying σ to it again "
        "gives σ(s) (1 - σ(s)), the slope at a different point.",
    ),
    (lambda s: s * (1 + s), "check the sign inside the bracket: s (1 - s)."),
    (
        lambda s: 1 - s**2,
        "1 - s² is the pattern of tanh's derivative; the sigmoid's is s (1 - s).",
    ),
    (lambda s: s, "that is s itself; the slope is s (1 - s)."),
]

NOT_OUTPUTS = [np.array([0.2, 1.5]), np.array([-0.1, 0.5]), np.array([[0.5, 0.5], [2.0, 0.3]])]


def _refuses_net_inputs(answer: Any) -> None:
    """A value outside [0, 1] is no sigmoid output: the answer must raise ValueError."""
    for s in NOT_OUTPUTS:
        why = (
            f"s = {describe(s)}, which holds a value outside [0, 1] that no sigmoid can output "
            "(someone passed a net input z by mistake)"
        )
        expect_error(answer, (s,), ValueError, why)


ex4_2 = function_exercise(
    "4.2",
    "the derivative from the sigmoid's output",
    reference=_derivative_from_output,
    cases=FROM_OUTPUT_CASES,
    mistakes=FROM_OUTPUT_MISTAKES,
    check_dtype=True,
    postchecks=[_refuses_net_inputs],
    hints=[
        "If s = σ(z), then σ'(z) = s (1 - s): no exponential needed.",
        "Before computing, test np.any((s < 0) | (s > 1)) and raise ValueError(...) if so.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 4.3 The centred difference
# ---------------------------------------------------------------------------------------------

_rng = seeded("4.3")


def _cube(z):
    return z**3


_NAMED = {np.sin: "np.sin", np.exp: "np.exp", _cube: "z ↦ z³", _sigmoid: "sigmoid"}


def _centred(f, z, h):
    return (f(z + h) - f(z - h)) / (2 * h)


CENTRED_CASES = [
    (np.sin, 0.5, 1e-3),
    (_cube, np.array([-2.0, -1.0, 0.0, 1.0, 2.0]), 0.1),
    (np.exp, np.array([-1.0, 0.0, 2.0]), 1e-4),
    (_sigmoid, np.linspace(-5.0, 5.0, 12).reshape(3, 4), 1e-5),
    (_cube, _rng.normal(size=(2, 3, 2)), 0.5),
]

CENTRED_MISTAKES = [
    (
        lambda f, z, h: (f(z + h) - f(z)) / h,
        "that is the forward difference (f(z + h) - f(z)) / h, which leans to one side and is "
        "off by about h · f''/2. Take one point on each side: (f(z + h) - f(z - h)) / 2h.",
    ),
    (
        lambda f, z, h: (f(z) - f(z - h)) / h,
        "that is the backward difference; take one point on each side: (f(z + h) - f(z - h)) / 2h.",
    ),
    (
        lambda f, z, h: (f(z + h) - f(z - h)) / h,
        "the two points z - h and z + h are 2h apart: divide by 2h.",
    ),
    (
        lambda f, z, h: (f(z - h) - f(z + h)) / (2 * h),
        "the sign is flipped: rise over run is (f(z + h) - f(z - h)) / 2h.",
    ),
    (
        lambda f, z, h: f(z + h) - f(z - h) / (2 * h),
        "mind the brackets: only f(z - h) was divided. Write (f(z + h) - f(z - h)) / (2 * h).",
    ),
]


ex4_3 = function_exercise(
    "4.3",
    "the centred difference",
    reference=_centred,
    cases=CENTRED_CASES,
    mistakes=CENTRED_MISTAKES,
    given=lambda a: f"f = {_NAMED[a[0]]}, z = {describe(a[1])}, h = {a[2]:g}",
    factors=lambda a: {"h": a[2]},
    rtol=1e-8,
    atol=1e-10,
    hints=[
        "Evaluate f a little to the right (z + h) and a little to the left (z - h) of z.",
        "Rise over run: the rise is f(z + h) - f(z - h), the run from z - h to z + h is 2h.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 4.4 Relative error
# ---------------------------------------------------------------------------------------------

_rng = seeded("4.4")


def _relative_error(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    scale = np.maximum(np.abs(a), np.abs(b))
    ratios = np.divide(np.abs(a - b), scale, out=np.zeros_like(scale), where=scale > 0)
    return float(ratios.max())


RELATIVE_CASES = [
    (2.0, 2.001),
    (np.array([2.0, -3.0, 0.5]), np.array([2.0, -3.0, 0.5])),
    (np.array([1e-9, 2.0]), np.array([2e-9, 2.0])),
    (np.array([100.0, 1.0]), np.array([100.5, 1.0])),
    (np.array([0.25, -0.5]), np.array([0.2, -0.5])),
    (np.array([[0.0, 1.0], [3.0, 0.0]]), np.array([[0.0, 1.0], [3.0, 1e-3]])),
    (np.array([0.0, 0.0, 0.5]), np.array([0.0, 0.0, 0.5 + 1e-6])),
    (0.0, 0.0),  # both zero: they agree, the error is 0
    (np.zeros(3), np.zeros(3)),  # an all-zero gradient, as the step neuron's
    (_rng.normal(size=(3, 4)), _rng.normal(size=(3, 4))),
]

_ZERO_OVER_ZERO = (
    "where a and b are both 0, the ratio is 0 / 0. They agree there, so the error is 0: divide "
    "only where max(|a|, |b|) > 0, e.g. with np.divide(..., out=np.zeros_like(scale), "
    "where=scale > 0)."
)

RELATIVE_MISTAKES = [
    (
        lambda a, b: np.abs(np.subtract(a, b)) / np.maximum(np.abs(a), np.abs(b)),
        "return one number, the largest ratio over all entries: np.max(...).",
    ),
    (
        lambda a, b: float(np.max(np.abs(a - b))),
        "that is the absolute error; divide each difference by the size of the numbers, "
        "max(|a|, |b|), so that 1e-9 against 2e-9 counts as far apart.",
    ),
    (
        lambda a, b: float(np.max(np.abs(a - b) / np.abs(a))),
        "divide by max(|a|, |b|), not by |a| alone: the error must not depend on which "
        "argument comes first.",
    ),
    (
        lambda a, b: float(np.max(np.abs(a - b) / np.abs(b))),
        "divide by max(|a|, |b|), not by |b| alone: the error must not depend on which "
        "argument comes first.",
    ),
    (
        lambda a, b: float(np.max(np.abs(a - b) / (np.abs(a) + np.abs(b)))),
        "divide by max(|a|, |b|), not by their sum (that gives half as much where they agree in "
        "size).",
    ),
    (
        lambda a, b: (
            float(np.linalg.norm(np.ravel(a) - np.ravel(b)))
            / max(float(np.linalg.norm(np.ravel(a))), float(np.linalg.norm(np.ravel(b))))
        ),
        "that compares whole vectors by their norms, another common choice. Here compare entry "
        "by entry and return the largest ratio, so that one tiny entry that is way off shows.",
    ),
    (
        lambda a, b: float(np.mean(np.abs(a - b) / np.maximum(np.abs(a), np.abs(b)))),
        "return the largest ratio (np.max), not the mean: one bad entry is one bug.",
    ),
]


ex4_4 = function_exercise(
    "4.4",
    "the relative error",
    reference=_relative_error,
    cases=RELATIVE_CASES,
    mistakes=RELATIVE_MISTAKES,
    error_hints=[(piece, _ZERO_OVER_ZERO) for piece in ("invalid value", "divide by zero")],
    hints=[
        "For each entry: |a - b| / max(|a|, |b|). np.maximum works element by element.",
        "Where both are 0 the entry agrees: count it as 0 (np.divide with where=scale > 0). "
        "Return the largest ratio as a float.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 4.5 One step of gradient descent on a sigmoid neuron
# ---------------------------------------------------------------------------------------------

_rng = seeded("4.5")


def _mse(w, b, X, y):
    return float(np.mean((_sigmoid(X @ w + b) - y) ** 2))


def _gradients(w, b, X, y):
    a = _sigmoid(X @ w + b)
    delta = 2.0 * (a - y) / len(y) * a * (1.0 - a)
    return X.T @ delta, float(np.sum(delta))


def _descent(w, b, X, y, learning_rate):
    grad_w, grad_b = _gradients(w, b, X, y)
    return w - learning_rate * grad_w, b - learning_rate * grad_b


def _variant(delta_of):
    """A gradient descent step whose δ = ∂L/∂z is computed by ``delta_of(a, z, y, n)``."""

    def step(w, b, X, y, r):
        z = X @ w + b
        delta = delta_of(_sigmoid(z), z, y, len(y))
        return w - r * (X.T @ delta), b - r * np.sum(delta)

    return step


DESCENT_MISTAKES = [
    (
        lambda w, b, X, y, r: (
            w + r * _gradients(w, b, X, y)[0],
            b + r * _gradients(w, b, X, y)[1],
        ),
        "your step goes uphill: it adds the gradient. Gradient descent moves against it: "
        "w ← w - η ∂L/∂w and b ← b - η ∂L/∂b.",
    ),
    (
        _variant(lambda a, z, y, n: 2 * (a - y) / n * z * (1 - z)),
        "you used z (1 - z), the shortcut applied to the net input. σ'(z) = a (1 - a) with "
        "a = σ(z), the neuron's output.",
    ),
    (
        _variant(lambda a, z, y, n: 2 * (a - y) / n),
        "the chain rule needs σ'(z) = a (1 - a) between the loss and the net input: "
        "∂L/∂z = 2 (a - y) / n · a (1 - a).",
    ),
    (
        _variant(lambda a, z, y, n: 2 * (a - y) * a * (1 - a)),
        "the loss is a *mean* over the n samples: divide the gradient by n.",
    ),
    (
        _variant(lambda a, z, y, n: (a - y) / n * a * (1 - a)),
        "the derivative of (a - y)² is 2 (a - y): the factor 2 is missing (the loss here has no "
        "1/2 in front).",
    ),
    (
        _variant(lambda a, z, y, n: 2 * (y - a) / n * a * (1 - a)),
        "your step goes uphill: (y - a) instead of (a - y) flips the gradient. ∂L/∂a = "
        "2 (a - y) / n.",
    ),
    (
        lambda w, b, X, y, r: (w - r * _gradients(w, b, X, y)[0], b),
        "the bias learns too: b ← b - η ∂L/∂b, with ∂L/∂b the sum of ∂L/∂z over the samples.",
    ),
    (
        lambda w, b, X, y, r: (w - _gradients(w, b, X, y)[0], b - _gradients(w, b, X, y)[1]),
        "the learning rate η is missing: multiply the gradient by it.",
    ),
]

_AND_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])

DESCENT_CASES = [
    (np.array([0.5, -0.3]), 0.1, _AND_X.copy(), np.array([0.0, 0.0, 0.0, 1.0]), 1.0),
    (
        np.array([0.2, 0.4, -0.1]),
        -0.2,
        _rng.normal(size=(6, 3)),
        np.array([0.0, 1.0, 1.0, 0.0, 1.0, 0.0]),
        0.5,
    ),
    (np.array([1.5, -2.0]), 0.3, np.array([[0.5, -1.0]]), np.array([1.0]), 0.1),
    (
        np.array([3.0, 3.0]),
        -4.0,
        _AND_X.copy(),
        np.array([0.0, 1.0, 1.0, 1.0]),
        2.0,
    ),
    (
        _rng.normal(size=4),
        0.0,
        _rng.normal(size=(10, 4)),
        (_rng.random(10) > 0.5).astype(float),
        0.05,
    ),
]


def _measured_gradient(args: tuple[Any, ...], answer: Any) -> str:
    """The loss's gradient by centred differences, and what the learner's step did to the loss."""
    w, b, X, y, _ = args
    measured = numerical_gradient(lambda p: _mse(p[:-1], p[-1], X, y), np.append(w, b))
    before, after = _mse(w, b, X, y), _mse(np.asarray(answer[0]), float(answer[1]), X, y)
    text = (
        f"The loss's gradient, measured with centred differences, is ∂L/∂w = "
        f"{describe(np.round(measured[:-1], 6))}, ∂L/∂b = {measured[-1]:.6g}; your step took "
        f"the loss from {before:.6g} to {after:.6g}."
    )
    return text + (
        " Hint: the loss went up: check the sign of your step." if after > before else ""
    )


ex4_5 = function_exercise(
    "4.5",
    "one step of gradient descent",
    reference=_descent,
    cases=DESCENT_CASES,
    mistakes=DESCENT_MISTAKES,
    outputs=("new_w", "new_b"),
    names=("w", "b", "X", "y", "learning_rate"),
    explain=_measured_gradient,
    hints=[
        "Forward: z = X @ w + b, a = σ(z). Backward, by the chain rule: "
        "∂L/∂a = 2 (a - y) / n, ∂L/∂z = ∂L/∂a · a (1 - a).",
        "∂L/∂w = X.T @ ∂L/∂z and ∂L/∂b = sum of ∂L/∂z. Then step *against* the gradient: "
        "w - η ∂L/∂w, b - η ∂L/∂b.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 4.7 Transfer: the chain rule on a function the lesson did not show
# ---------------------------------------------------------------------------------------------

_rng = seeded("4.7")


def _squared_sigmoid_derivative(z):
    s = _sigmoid(z)
    return 2 * s * s * (1 - s)


ex4_7 = function_exercise(
    "4.7",
    "transfer: the slope of σ(z)²",
    reference=_squared_sigmoid_derivative,
    cases=[
        (0.0,),
        (np.array([-3.0, -1.0, 0.5, 2.0]),),
        (np.linspace(-6.0, 6.0, 12).reshape(3, 4),),
        (np.array([-1000.0, -40.0, 40.0, 1000.0]),),
    ],
    mistakes=[
        (
            lambda z: 2 * _sigmoid(z),
            "that is the outer derivative alone, 2u with u = σ(z): the chain rule multiplies it "
            "by the inner derivative, σ'(z) = σ(z)(1 - σ(z)).",
        ),
        (
            lambda z: _sigmoid_derivative(z) ** 2,
            "the derivative of a square is not the square of the derivative: (u²)' = 2u · u'.",
        ),
        (
            lambda z: 2 * z * _sigmoid_derivative(z),
            "the outer function is u², with u = σ(z): its derivative is 2u = 2σ(z), not 2z.",
        ),
    ],
    error_hints=overflow_hint,
    hints=[
        "σ(z)² is a composition: the outer function u ↦ u², the inner z ↦ σ(z).",
        "The chain rule: the outer derivative at the inner value, times the inner derivative.",
        "The outer derivative is 2u; the inner one is the sigmoid's slope from exercise 4.1.",
    ],
)


# Predict, then run
ex4_6 = predict_question(
    "4.6",
    "predict: the error of a centred difference",
    answer=0.01,
    explanation="for f(z) = z³ the centred difference is exactly 3z² + h², so its error is h² "
    "whatever z: the error of a centred difference shrinks like h².",
    rtol=0.05,
    hints=[
        "Expand (z + h)³ - (z - h)³ and divide by 2h.",
        "The z² and z terms give 3z²; what is left over depends on h only.",
    ],
)
