"""Lesson 04, derivatives and gradient descent: the chain rule on a steeper sigmoid, the
sigmoid's second derivative from its output, a gradient by centred differences, the relative
error, and one step of gradient descent on Nielsen's quadratic cost.

Each task asks for a step the lesson did not write out: the lesson's own code, re-typed, is one
of the known mistakes its check names.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from neuronlab.activations import sigmoid as _sigmoid
from neuronlab.activations import sigmoid_derivative as _sigmoid_derivative
from neuronlab.exercises.checks import (
    describe,
    expect_error,
    function_exercise,
    predict_question,
    seeded,
    slopes_first,
)
from neuronlab.exercises.lesson03 import overflow_hint
from neuronlab.gradcheck import numerical_gradient

# ---------------------------------------------------------------------------------------------
# 4.1 The slope of a steeper sigmoid σ(kz): the chain rule with the inner kz
# ---------------------------------------------------------------------------------------------

_rng = seeded("4.1")


def _steep_sigmoid_derivative(z, k):
    s = _sigmoid(k * z)
    return k * s * (1 - s)


_NET_INPUT_MISTAKE = (
    "that is u (1 - u) with u = kz, the formula applied to the net input. The shortcut s (1 - s) "
    "is σ's slope only when s is the sigmoid's *output*: compute s = σ(kz) first."
)


def _size_of_k(z, k):
    """|k| for k: a mistake only where k < 0 (elsewhere it is the right answer, not a match)."""
    if k >= 0:
        raise ValueError("the same as the right answer for k >= 0")
    return -k * _sigmoid_derivative(k * z)


STEEP_MISTAKES = [
    (
        lambda z, k: _sigmoid_derivative(k * z),
        "that is σ'(kz), the outer slope alone. The chain rule multiplies it by the slope of the "
        "inner function u = kz, which is k.",
    ),
    (
        lambda z, k: k * _sigmoid_derivative(z),
        "the outer slope is taken at the inner value u = kz, not at z: use σ(kz), not σ(z).",
    ),
    (lambda z, k: k * (k * z) * (1 - k * z), _NET_INPUT_MISTAKE),
    (lambda z, k: k * z * (1 - z), _NET_INPUT_MISTAKE),
    (lambda z, k: _sigmoid(k * z), "that is σ(kz) itself, not its slope."),
    (
        lambda z, k: k * _sigmoid_derivative(_sigmoid(k * z)),
        "you applied the sigmoid twice: with s = σ(kz), σ's slope is s (1 - s), not "
        "σ(s) (1 - σ(s)).",
    ),
    (
        lambda z, k: _sigmoid_derivative(k * z) / k,
        "the inner slope k multiplies the outer slope: the steeper the sigmoid, the larger its "
        "slope at 0.",
    ),
    (
        _size_of_k,
        "for k < 0, σ(kz) falls as z grows, so its slope is negative: keep k's sign, do not "
        "take its size.",
    ),
    (
        lambda z, k: -k * _sigmoid_derivative(k * z),
        "the sign is flipped: for k > 0 the curve rises everywhere, so its slope is positive.",
    ),
]

FD_GRID = np.array([-4.0, -2.0, -0.5, 0.0, 0.5, 2.0, 4.0])

# k stays a Python float: k * z keeps a float32 z float32
STEEP_CASES = [
    (0.0, 1.0),
    (np.linspace(-6.0, 6.0, 12).reshape(3, 4), 2.0),
    (np.array([10.0, 100.0, 1000.0]), 1.0),
    (np.array([-10.0, -100.0, -1000.0]), 3.0),
    (np.array([-np.inf, np.inf]), 2.0),
    (np.array([-2.0, -0.5, 0.0, 0.5, 2.0]), -1.5),
    (np.linspace(-10.0, 10.0, 9, dtype=np.float32), 2.0),
    (np.array([-1000.0, -100.0, 100.0, 1000.0], dtype=np.float32), 0.5),
    (_rng.normal(scale=4.0, size=(2, 3, 4)), 0.5),
]


_slopes_first = slopes_first(
    "σ(kz)", lambda z, k: _sigmoid(k * z), [(FD_GRID, 2.0)], STEEP_MISTAKES, rtol=1e-6, atol=1e-9
)


ex4_1 = function_exercise(
    "4.1",
    "the slope of a steeper sigmoid",
    reference=_steep_sigmoid_derivative,
    cases=STEEP_CASES,
    mistakes=STEEP_MISTAKES,
    error_hints=overflow_hint,
    check_dtype=True,
    prechecks=[_slopes_first],
    hints=[
        "σ(kz) is one function inside another: the inner u = kz, the outer σ(u).",
        "The chain rule: the outer slope σ'(u) = σ(u) (1 - σ(u)), taken at the inner value "
        "u = kz, times the inner slope.",
        "What is the slope of the inner u = kz with respect to z? (constant factor rule) "
        "activations.sigmoid is safe at any input: call it once on kz and reuse its result.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 4.2 The sigmoid's second derivative, from its output
# ---------------------------------------------------------------------------------------------

_rng = seeded("4.2")


def _second_derivative_from_output(s):
    return s * (1 - s) * (1 - 2 * s)


FROM_OUTPUT_CASES = [
    (np.array([0.0, 0.1, 0.5, 0.9, 1.0]),),
    (0.25,),
    (_sigmoid(np.array([-3.0, -1.0, 0.0, 1.0, 3.0])),),
    (_sigmoid(_rng.normal(scale=3.0, size=(3, 4))),),
    (np.array([0.0, 0.25, 0.5, 0.75, 1.0], dtype=np.float32),),
]

SECOND_MISTAKES = [
    (
        lambda s: s * (1 - s),
        "that is σ'(z) = s (1 - s), the first derivative. The second derivative is its slope: "
        "differentiate s (1 - s) once more, remembering that s depends on z.",
    ),
    (
        lambda s: 1 - 2 * s,
        "1 - 2s is the slope of s - s² with respect to s. But s = σ(z) moves with z: the chain "
        "rule multiplies by s's own slope, ds/dz = s (1 - s).",
    ),
    (
        lambda s: (s * (1 - s)) ** 2,
        "the second derivative is the slope of the slope, not the square of the slope.",
    ),
    (
        lambda s: s * (1 - s) ** 2,
        "you kept only part of the slope of s (1 - s) = s - s²: the term -s² has slope "
        "-2s · s' (chain rule), and it is missing or wrong.",
    ),
    (
        lambda s: -s * (1 - s) * (1 - 2 * s),
        "the sign is flipped: σ' grows while z < 0 (s < 1/2), so σ'' is positive there.",
    ),
    (
        lambda s: _second_derivative_from_output(_sigmoid(s)),
        "s is already the sigmoid's output σ(z): do not apply σ to it again.",
    ),
]

NOT_OUTPUTS = [np.array([0.2, 1.5]), np.array([-0.1, 0.5]), np.array([[0.5, 0.5], [2.0, 0.3]])]


def _logit(s):
    """The net input z whose sigmoid output is s: z = ln(s / (1 - s))."""
    return np.log(s / (1 - s))


_second_slopes_first = slopes_first(
    "σ'",
    _sigmoid_derivative,
    [(_sigmoid(FD_GRID),)],
    SECOND_MISTAKES,
    rtol=1e-6,
    atol=1e-9,
    from_output=_logit,
)


def _refuses_net_inputs(answer: Any) -> None:
    """Optional: a value outside [0, 1] is no sigmoid output, so the answer raises ValueError."""
    for s in NOT_OUTPUTS:
        why = (
            f"s = {describe(s)}, which holds a value outside [0, 1] that no sigmoid can output "
            "(someone passed a net input z by mistake)"
        )
        expect_error(answer, (s,), ValueError, why)


ex4_2 = function_exercise(
    "4.2",
    "the second derivative from the output",
    reference=_second_derivative_from_output,
    cases=FROM_OUTPUT_CASES,
    mistakes=SECOND_MISTAKES,
    check_dtype=True,
    prechecks=[_second_slopes_first],
    hints=[
        "σ''(z) is the slope of σ'(z) = s (1 - s) = s - s², where s = σ(z) changes with z.",
        "Sum rule: the slope of s is s' = s (1 - s); the slope of s² is 2s · s' (the chain rule, "
        "outer u², inner s).",
        "Subtract the two slopes and take out the common factor s'. Then write s' as s (1 - s): "
        "everything is in terms of s, with no exponential.",
    ],
)
ex4_2.optional = _refuses_net_inputs


# ---------------------------------------------------------------------------------------------
# 4.3 A gradient by centred differences: one input at a time
# ---------------------------------------------------------------------------------------------

_rng = seeded("4.3")

_AND_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
_AND_Y = np.array([0.0, 0.0, 0.0, 1.0])


def _bowl(v):
    return v[0] ** 2 + 3 * v[1] ** 2


def _cubes(v):
    return np.sum(v**3)


def _and_cost(p):
    return np.mean((_sigmoid(_AND_X @ p[:2] + p[2]) - _AND_Y) ** 2)


def _coupled(v):
    return v[0] * v[1] + np.exp(v[2]) * v[0] + np.sin(v[3])


_NAMED = {
    _bowl: "v ↦ v₁² + 3v₂² (the lesson's bowl)",
    _cubes: "v ↦ the sum of the cubes of v's entries",
    _and_cost: "the MSE of the AND neuron as a function of v = (w₁, w₂, b)",
    _coupled: "v ↦ v₁v₂ + e^(v₃)·v₁ + sin(v₄)",
}


def _one_sided(f, v, h):
    gradient = np.zeros(len(v))
    for i in range(len(v)):
        step = np.zeros(len(v))
        step[i] = h
        gradient[i] = (f(v + step) - f(v)) / h
    return gradient


def _nudges_left_in(f, v, h):
    v = np.array(v, dtype=float)
    gradient = np.zeros(len(v))
    for i in range(len(v)):
        v[i] += h
        up = f(v)
        v[i] -= 2 * h
        gradient[i] = (up - f(v)) / (2 * h)  # v[i] is left at v[i] - h
    return gradient


GRADIENT_CASES = [
    (_cubes, np.array([-2.0, -1.0, 0.0, 1.0, 2.0]), 0.1),  # a large h first: mistakes show
    (_bowl, np.array([1.0, 0.5]), 1e-5),
    (_and_cost, np.array([0.3, 0.8, -0.5]), 1e-5),
    (_coupled, np.array([0.5, -1.0, 0.3, 2.0]), 0.01),
    (_coupled, _rng.normal(size=4), 0.1),
]

GRADIENT_MISTAKES = [
    (
        _one_sided,
        "that is the forward difference (f(v + h eᵢ) - f(v)) / h for each entry, which leans "
        "to one side. Move entry i both ways: (f(v + h eᵢ) - f(v - h eᵢ)) / 2h.",
    ),
    (
        lambda f, v, h: np.full(np.shape(v), (f(v + h) - f(v - h)) / (2 * h)),
        "you moved every entry of v at once, so every entry got the same number. A partial "
        "derivative moves *one* entry and holds the others fixed: build a step that is h in "
        "entry i and 0 elsewhere.",
    ),
    (
        _nudges_left_in,
        "after measuring entry i, v[i] was left moved by -h, so the next partial derivatives "
        "were measured at a shifted point. Put each entry back (or move a copy) before the next.",
    ),
    (
        lambda f, v, h: -numerical_gradient(f, v, h),
        "the sign is flipped: rise over run is (f(v + h eᵢ) - f(v - h eᵢ)) / 2h.",
    ),
]

ex4_3 = function_exercise(
    "4.3",
    "a gradient by centred differences",
    reference=numerical_gradient,  # the package's centred differences, entry by entry
    cases=GRADIENT_CASES,
    mistakes=GRADIENT_MISTAKES,
    names=("f", "v", "h"),
    given=lambda a: f"f = {_NAMED[a[0]]}, v = {describe(a[1])}, h = {a[2]:g}",
    factors=lambda a: {"h": a[2]},
    rtol=1e-8,
    atol=1e-10,
    hints=[
        "A partial derivative moves one entry of v and holds the others fixed: do it once per "
        "entry, in a loop over i.",
        "For entry i, build a step that is h in entry i and 0 elsewhere (start from "
        "np.zeros(len(v))), and evaluate f at v + step and at v - step.",
        "Rise over run for entry i: the two points are 2h apart. Collect the n results in an "
        "array.",
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
    (np.array([0.5, 4.0]), np.array([0.6, 4.0])),  # the small entry is the one that is off
    (np.array([1e-9, 2.0]), np.array([2e-9, 2.0])),
    (np.array([100.0, 1.0]), np.array([100.5, 1.0])),
    (np.array([0.25, -0.5]), np.array([0.2, -0.5])),
    (np.array([-1.0, 2.0]), np.array([-2.0, 2.0])),  # a negative derivative that is off
    (2, 3),  # integers, as a learner may type them
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

_FLOATS_FIRST = (
    "a and b may hold integers (relative_error(2, 3)), and np.divide cannot write a float "
    "ratio into the integer array np.zeros_like made. Turn both into floats first: "
    "a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)."
)

RELATIVE_MISTAKES = [
    (
        lambda a, b: np.abs(np.subtract(a, b)) / np.maximum(np.abs(a), np.abs(b)),
        "return one number, the largest ratio over all entries: np.max(...).",
    ),
    (
        lambda a, b: float(np.max(np.abs(np.subtract(a, b)) / np.maximum(a, b))),
        "take |a| and |b| before the max: np.maximum(np.abs(a), np.abs(b)). Where both are "
        "negative, np.maximum(a, b) is negative, so a derivative that is off there looks right.",
    ),
    (
        lambda a, b: float(np.max(np.abs(np.subtract(a, b)) / np.abs(np.maximum(a, b)))),
        "take |a| and |b| before the max, not after: for a = -1, b = -2 the size is "
        "max(1, 2) = 2, but |max(-1, -2)| = 1.",
    ),
    (
        lambda a, b: float(
            np.max(np.abs(np.subtract(a, b))) / np.max(np.maximum(np.abs(a), np.abs(b)))
        ),
        "you divided the largest difference by the largest size: compare entry by entry, each "
        "difference by the size of its own pair, then take the largest ratio, so that a small "
        "entry that is way off shows.",
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
    error_hints=[(piece, _ZERO_OVER_ZERO) for piece in ("invalid value", "divide by zero")]
    + [("Cannot cast", _FLOATS_FIRST)],
    hints=[
        "For each entry: |a - b| / max(|a|, |b|). np.maximum works element by element.",
        "Where both are 0 the entry agrees: count it as 0 (np.divide with where=scale > 0). "
        "Return the largest ratio as a float.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 4.5 One step of gradient descent on Nielsen's quadratic cost C = (1/2n) Σ (a - y)²
# ---------------------------------------------------------------------------------------------

_rng = seeded("4.5")


def _cost(w, b, X, y):
    """Nielsen's quadratic cost C = (1/2n) Σ (a - y)², with a = σ(Xw + b)."""
    return float(np.mean((_sigmoid(X @ w + b) - y) ** 2) / 2)


def _gradients(w, b, X, y):
    a = _sigmoid(X @ w + b)
    delta = (a - y) / len(y) * a * (1.0 - a)  # ∂C/∂z: the ½ cancels the 2 of the square
    return X.T @ delta, float(np.sum(delta))


def _step(w, b, grad_w, grad_b, learning_rate, predicted=None):
    """The step against (grad_w, grad_b) and the cost's change it predicts,
    ΔC ≈ ∇C · Δv = -η |∇C|² (or ``predicted``, when a mistake predicts otherwise).
    """
    if predicted is None:
        predicted = -learning_rate * (grad_w @ grad_w + grad_b**2)
    return w - learning_rate * grad_w, b - learning_rate * grad_b, float(predicted)


def _descent(w, b, X, y, learning_rate):
    return _step(w, b, *_gradients(w, b, X, y), learning_rate)


def _variant(delta_of):
    """A step whose δ = ∂C/∂z is computed by ``delta_of(a, z, y, n)``, its prediction from the
    gradient that δ gives.
    """

    def step(w, b, X, y, r):
        z = X @ w + b
        delta = delta_of(_sigmoid(z), z, y, len(y))
        return _step(w, b, X.T @ delta, float(np.sum(delta)), r)

    return step


def _predicts(change):
    """The right step, with the cost's change predicted by ``change(grad_w, grad_b, η)``."""

    def step(w, b, X, y, r):
        grad_w, grad_b = _gradients(w, b, X, y)
        return _step(w, b, grad_w, grad_b, r, change(grad_w, grad_b, r))

    return step


def _uphill(w, b, X, y, r):
    grad_w, grad_b = _gradients(w, b, X, y)
    return _step(w, b, -grad_w, -grad_b, r, -r * (grad_w @ grad_w + grad_b**2))


def _forgets_the_bias(w, b, X, y, r):
    grad_w, _ = _gradients(w, b, X, y)
    return _step(w, b, grad_w, 0.0, r)


def _forgets_the_bias_in_the_step(w, b, X, y, r):
    grad_w, grad_b = _gradients(w, b, X, y)
    return _step(w, b, grad_w, 0.0, r, -r * (grad_w @ grad_w + grad_b**2))


def _without_the_learning_rate(w, b, X, y, r):
    return _step(w, b, *_gradients(w, b, X, y), 1.0)


def _without_the_learning_rate_in_the_step(w, b, X, y, r):
    grad_w, grad_b = _gradients(w, b, X, y)
    return _step(w, b, grad_w, grad_b, 1.0, -r * (grad_w @ grad_w + grad_b**2))


_NO_BIAS = "the bias learns too: b ← b - η ∂C/∂b, with ∂C/∂b the sum of ∂C/∂z over the samples."
_NO_RATE = "the learning rate η is missing: multiply the gradient by it."

DESCENT_MISTAKES = [
    (
        _variant(lambda a, z, y, n: 2 * (a - y) / n * a * (1 - a)),
        "that is the lesson's step, for the cost without the ½. Here C = (1/2n) Σ (a - y)²: the "
        "½ cancels the 2 that the square brings down, so ∂C/∂a = (a - y) / n, and your step "
        "went twice as far as gradient descent on this C.",
    ),
    (
        _uphill,
        "your step goes uphill: it adds the gradient (writing y - a for a - y does the same). "
        "Gradient descent moves against it: w ← w - η ∂C/∂w and b ← b - η ∂C/∂b.",
    ),
    (
        _variant(lambda a, z, y, n: (a - y) / n * z * (1 - z)),
        "you used z (1 - z), the shortcut applied to the net input. σ'(z) = a (1 - a) with "
        "a = σ(z), the neuron's output.",
    ),
    (
        _variant(lambda a, z, y, n: (a - y) / n),
        "the chain rule needs σ'(z) = a (1 - a) between the cost and the net input: "
        "∂C/∂z = ∂C/∂a · a (1 - a).",
    ),
    (
        _variant(lambda a, z, y, n: (a - y) * a * (1 - a)),
        "the cost is a *mean* over the n samples: divide the gradient by n.",
    ),
    (
        _variant(lambda a, z, y, n: (a - y) / (2 * n) * a * (1 - a)),
        "the ½ in front of the cost and the 2 from the square cancel: ∂C/∂a = (a - y) / n, with "
        "no ½ left over.",
    ),
    (_forgets_the_bias, _NO_BIAS),
    (_forgets_the_bias_in_the_step, _NO_BIAS),
    (_without_the_learning_rate, _NO_RATE),
    (_without_the_learning_rate_in_the_step, _NO_RATE),
    (
        _predicts(lambda gw, gb, r: r * (gw @ gw + gb**2)),
        "your step is right; the predicted change has the wrong sign. ΔC ≈ ∇C · Δv, and your "
        "step is Δv = -η ∇C, so ΔC ≈ -η |∇C|²: a step against the gradient lowers the cost.",
    ),
    (
        _predicts(lambda gw, gb, r: -(gw @ gw + gb**2)),
        "your step is right; the predicted change lacks η. ΔC ≈ ∇C · Δv with Δv = -η ∇C, so "
        "ΔC ≈ -η |∇C|².",
    ),
    (
        _predicts(lambda gw, gb, r: -r * (gw @ gw)),
        "your step is right; the predicted change leaves out the bias. |∇C|² adds the squares "
        "of *all* the partial derivatives: |∂C/∂w|² + (∂C/∂b)².",
    ),
    (
        _predicts(lambda gw, gb, r: -r * np.sqrt(gw @ gw + gb**2)),
        "your step is right; the predicted change uses the gradient's length |∇C|, not its "
        "square: ∇C · ∇C = |∇C|² = the sum of the squared partial derivatives.",
    ),
    (
        _predicts(lambda gw, gb, r: -r * (np.sum(gw) + gb)),
        "your step is right; the predicted change adds the partial derivatives up. ∇C · ∇C "
        "adds their *squares*: |∂C/∂w|² + (∂C/∂b)².",
    ),
]

DESCENT_CASES = [
    (np.array([0.5, -0.3]), 0.1, _AND_X.copy(), _AND_Y.copy(), 0.1),  # small: ΔC ≈ -η|∇C|²
    (np.array([0.5, -0.3]), 0.1, _AND_X.copy(), _AND_Y.copy(), 1.0),
    (
        np.array([0.2, 0.4, -0.1]),
        -0.2,
        _rng.normal(size=(6, 3)),
        np.array([0.0, 1.0, 1.0, 0.0, 1.0, 0.0]),
        0.3,
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
    """The cost's gradient by centred differences, what the learner's step did to the cost, and
    the change the learner predicted.
    """
    w, b, X, y, learning_rate = args
    measured = numerical_gradient(lambda p: _cost(p[:-1], p[-1], X, y), np.append(w, b))
    before, after = _cost(w, b, X, y), _cost(np.asarray(answer[0]), float(answer[1]), X, y)
    text = (
        f"The cost's gradient, measured with centred differences, is ∂C/∂w = "
        f"{describe(np.round(measured[:-1], 6))}, ∂C/∂b = {measured[-1]:.6g}; your step took "
        f"the cost from {before:.6g} to {after:.6g}, a change of {after - before:.6g}"
    )
    if len(answer) == 3:
        text += f"; you predicted a change of {float(answer[2]):.6g}"
    text += "."
    if learning_rate <= 0.1:
        text += " For a learning rate this small, ΔC ≈ ∇C · Δv is close to the real change."
    return text + (
        " Hint: the cost went up: check the sign of your step." if after > before else ""
    )


ex4_5 = function_exercise(
    "4.5",
    "one step of gradient descent on Nielsen's cost",
    reference=_descent,
    cases=DESCENT_CASES,
    mistakes=DESCENT_MISTAKES,
    outputs=("new_w", "new_b", "predicted_change"),
    names=("w", "b", "X", "y", "learning_rate"),
    explain=_measured_gradient,
    hints=[
        "Work the chain backwards for one row: the square, then the sigmoid, then the net input. "
        "Start with ∂C/∂a for this C: what does the ½ do to the 2 that the power rule brings down?",
        "∂C/∂z is ∂C/∂a times σ'(z) = a (1 - a), one per row; ∂C/∂w adds x_i times it over the "
        "rows (X.T @ ...), ∂C/∂b adds it up.",
        "Then step *against* the gradient, scaled by the learning rate, for w and for b.",
        "The predicted change is the lesson's ΔC ≈ ∇C · Δv, with your step Δv = -η ∇C put in: "
        "∇C holds ∂C/∂w and ∂C/∂b.",
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
        "The outer derivative is 2u; the inner one is the sigmoid's slope σ(z) (1 - σ(z)).",
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
