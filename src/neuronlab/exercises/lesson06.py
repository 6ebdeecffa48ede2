"""Lesson 06, backpropagation: the four equations, a full backward pass, a gradient check.

Every network in these checks has a sigmoid output layer and the mean squared error over all
``n = m × n_out`` entries, ``C = mean((a_out - y)²)``, as in :class:`neuronlab.network.MLP`;
its hidden layers are sigmoid too, except in 6.7 (tanh). Batches have one row per sample. The
checks use seeded random arrays of several shapes. The full backward passes (6.4, 6.7) are for
a network with two hidden layers, which the lesson never codes; they are compared with exact
backpropagation to 12 digits, which finite differences cannot reach, and an answer that calls
the package's ``MLP`` or ``Value`` is refused, as is a gradient check (6.5) that calls
``numerical_gradient`` or ``relative_error`` (``written_without``).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import numpy as np

from neuronlab.activations import sigmoid as _sigmoid
from neuronlab.autodiff import Value
from neuronlab.exercises.checks import (
    APPROXIMATION,
    Mistakes,
    describe,
    function_exercise,
    predict_question,
    seeded,
    written_without,
)
from neuronlab.gradcheck import numerical_gradient, relative_error
from neuronlab.network import MLP

FORGETS_DERIVATIVE = "a backward pass that forgets the activation's derivative"


def _shape_hint(text: str) -> list[tuple[str, str]]:
    """An ``error_hints`` entry: ``text`` for a shape error in a product or a broadcast."""
    return [("matrix product", text), ("element by element", text)]


def _sigmoid_outputs(shape: tuple[int, ...], scale: float = 2.0) -> np.ndarray:
    """Seeded activations a = σ(z) of a sigmoid layer, strictly between 0 and 1."""
    return _sigmoid(scale * _rng.normal(size=shape))


def _targets(shape: tuple[int, ...]) -> np.ndarray:
    return _rng.integers(0, 2, size=shape).astype(float)


# ---------------------------------------------------------------------------------------------
# 6.1 The output layer's error δ^L (BP1) for a sigmoid output and the mean squared error
# ---------------------------------------------------------------------------------------------

_rng = seeded("6.1")


def _output_delta(a, y):
    return 2.0 * (a - y) / a.size * a * (1.0 - a)


_OUTPUT_CASES = [
    (np.array([[0.3], [0.6], [0.55], [0.4]]), np.array([[0.0], [1.0], [1.0], [0.0]])),
    (_sigmoid_outputs((5, 2)), _targets((5, 2))),
    (np.array([[0.999, 0.001, 0.5]]), np.array([[0.0, 1.0, 1.0]])),  # saturated outputs
    (_sigmoid_outputs((6, 3)), _targets((6, 3))),
    (_sigmoid_outputs((3, 4), scale=0.5), _rng.uniform(size=(3, 4))),  # real-valued targets
]

_OUTPUT_MISTAKES: Mistakes = [
    (
        lambda a, y: 2.0 * (a - y) / a.size,
        f"that is ∂C/∂a, {FORGETS_DERIVATIVE}: δ = ∂C/∂z, so multiply by σ'(z) = a (1 - a), "
        "computed from the cached output a.",
    ),
    (
        lambda a, y: 2.0 * (a - y) / a.size * _sigmoid(a) * (1.0 - _sigmoid(a)),
        "a is already σ(z), the layer's output: σ'(z) = a (1 - a). σ(a)(1 - σ(a)) applies the "
        "sigmoid a second time.",
    ),
    (
        lambda a, y: 2.0 * (y - a) / a.size * a * (1.0 - a),
        "the sign is flipped: ∂C/∂a = 2 (a - y) / n is positive when the output is too large.",
    ),
    (
        lambda a, y: 2.0 * (a - y) / a.shape[0] * a * (1.0 - a),
        "the loss is the mean over all n = m × n_out entries (a.size), not over the m rows only.",
    ),
    (
        lambda a, y: 2.0 * (a - y) * a * (1.0 - a),
        "the loss is a mean: divide by n = a.size, the number of entries.",
    ),
    (
        lambda a, y: (a - y) / a.size * a * (1.0 - a),
        "the square's derivative brings a factor 2: ∂(a - y)²/∂a = 2 (a - y).",
    ),
    (
        lambda a, y: (a - y) * a * (1.0 - a),
        "the constant factors are missing: ∂C/∂a = 2 (a - y) / n with n = a.size.",
    ),
]


ex6_1 = function_exercise(
    "6.1",
    "the output layer's error δ (BP1)",
    reference=_output_delta,
    cases=_OUTPUT_CASES,
    mistakes=_OUTPUT_MISTAKES,
    factors=lambda args: {"n": args[0].size},
    hints=[
        "δ^L = ∂C/∂z^L = ∂C/∂a^L ⊙ σ'(z^L): first how the cost changes with the output, then how "
        "the output changes with the net input.",
        "With C = mean((a - y)²) over n = a.size entries, ∂C/∂a = 2 (a - y) / n; and σ'(z) = a (1 - a) "
        "because a = σ(z) is cached.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 6.2 Pushing the error back one layer (BP2), from a cache that kept only z
# ---------------------------------------------------------------------------------------------

_rng = seeded("6.2")


def _hidden_delta(delta_next, W_next, z):
    s = _sigmoid(z)
    return (delta_next @ W_next.T) * s * (1.0 - s)


def _hidden_case(m: int, n_hidden: int, n_next: int) -> tuple[np.ndarray, ...]:
    return (
        _rng.normal(scale=0.1, size=(m, n_next)),
        _rng.normal(size=(n_hidden, n_next)),
        _rng.normal(scale=1.5, size=(m, n_hidden)),
    )


_HIDDEN_CASES = [
    _hidden_case(4, 2, 1),
    _hidden_case(5, 3, 2),
    _hidden_case(1, 4, 3),
    _hidden_case(6, 3, 3),  # square W: forgetting the transpose gives no shape error here
    _hidden_case(3, 5, 4),
]

_HIDDEN_SHAPES = (
    "δ_next has shape (m, n_next) and W_next has shape (n_hidden, n_next), so they only fit as "
    "δ_next @ W_next.T, of shape (m, n_hidden): one row per sample, one column per hidden unit. "
    "Use the matrix product @ and transpose W_next."
)


def _slope_of(z: np.ndarray) -> np.ndarray:
    return _sigmoid(z) * (1.0 - _sigmoid(z))


_HIDDEN_MISTAKES: Mistakes = [
    (
        lambda d, W, z: d @ W.T,
        f"{FORGETS_DERIVATIVE}: multiply δ_next @ W_next.T element-wise by σ'(z) = σ(z) (1 - σ(z)).",
    ),
    (
        lambda d, W, z: (d @ W) * _slope_of(z),
        "W_next is not transposed: its rows belong to the hidden units, its columns to the next "
        "layer's units. " + _HIDDEN_SHAPES,
    ),
    (
        lambda d, W, z: (W @ d.T) * _slope_of(z).T,
        "that is the transpose of δ: " + _HIDDEN_SHAPES,
    ),
    (
        lambda d, W, z: W @ d.T,
        "that is the transpose of δ, and it forgets σ'(z): " + _HIDDEN_SHAPES,
    ),
    (
        lambda d, W, z: (d @ W.T) * z,
        "multiply by the activation's derivative σ'(z) = σ(z) (1 - σ(z)), not by the net input z.",
    ),
    (
        lambda d, W, z: (d @ W.T) * z * (1.0 - z),
        "z (1 - z) is the x(1 - x) confusion: the formula a (1 - a) needs the sigmoid's output "
        "a = σ(z), and you were given z. Compute σ(z) first.",
    ),
    (
        lambda d, W, z: (d @ W.T) * _sigmoid(z),
        "the sigmoid's derivative is σ(z) (1 - σ(z)), not σ(z).",
    ),
    (
        lambda d, W, z: (d @ W.T) * _sigmoid(z) * (1.0 - z),
        "both factors of σ'(z) = σ(z) (1 - σ(z)) are the sigmoid's output: 1 - σ(z), not 1 - z.",
    ),
]


ex6_2 = function_exercise(
    "6.2",
    "pushing δ back one layer (BP2)",
    reference=_hidden_delta,
    cases=_HIDDEN_CASES,
    mistakes=_HIDDEN_MISTAKES,
    error_hints=_shape_hint(_HIDDEN_SHAPES),
    hints=[
        "Each hidden unit feeds every unit of the next layer, so its share of the blame is a sum "
        "over those units, weighted by the weights: a matrix product with W_next.",
        "Let the shapes guide you: δ_next is (m, n_next), W_next is (n_hidden, n_next), and the "
        "answer must be (m, n_hidden). Then multiply element-wise by the sigmoid's slope at z: "
        "only z was kept, so compute the output σ(z) from it first (lesson 03's stable sigmoid "
        "is neuronlab.activations.sigmoid).",
    ],
)


# ---------------------------------------------------------------------------------------------
# 6.3 The gradients of one layer's weights and biases (BP3, BP4)
# ---------------------------------------------------------------------------------------------

_rng = seeded("6.3")


def _layer_gradients(a_prev, delta):
    return a_prev.T @ delta, delta.sum(axis=0)


def _layer_case(m: int, n_in: int, n_out: int) -> tuple[np.ndarray, np.ndarray]:
    return _sigmoid_outputs((m, n_in)), _rng.normal(scale=0.1, size=(m, n_out))


_LAYER_CASES = [
    _layer_case(4, 2, 1),
    _layer_case(5, 3, 4),
    _layer_case(6, 3, 3),  # square: a transposed dW has the right shape, the wrong numbers
    _layer_case(3, 5, 2),
    _layer_case(1, 3, 2),  # a single sample
]

_TRANSPOSED_DW = (
    "dW is transposed: ∂C/∂W has W's shape (n_in, n_out), one row per input, one column per "
    "unit, and that is a_prev.T @ delta (δᵀ a_prev gives (n_out, n_in))."
)
_AVERAGED = (
    "δ already carries the loss's 1/n (from ∂C/∂a = 2 (a - y) / n): sum the contributions of "
    "the samples, do not average them again."
)
_BIAS_SHAPE = (
    "∂C/∂b is δ summed over the batch (axis=0): one number per unit, shape (n_out,), "
    "the shape of b."
)
_LAYER_SHAPES = (
    "a_prev has shape (m, n_in) and delta (m, n_out); the product that sums over the m samples "
    "and has W's shape (n_in, n_out) is a_prev.T @ delta."
)

_LAYER_MISTAKES: Mistakes = [
    (lambda a, d: (d.T @ a, d.sum(axis=0)), _TRANSPOSED_DW),
    (lambda a, d: (a.T @ d / len(a), d.mean(axis=0)), _AVERAGED),
    (lambda a, d: (a.T @ d / len(a), d.sum(axis=0)), "the weight gradient: " + _AVERAGED),
    (lambda a, d: (a.T @ d, d.mean(axis=0)), "the bias gradient: " + _AVERAGED),
    (lambda a, d: (a.T @ d, d), "the bias gradient is not summed: " + _BIAS_SHAPE),
    (
        lambda a, d: (a.T @ d, d.sum(axis=1)),
        "the bias gradient is summed over the units (axis=1); sum over the samples: " + _BIAS_SHAPE,
    ),
    (
        lambda a, d: (a.T @ d, d.sum()),
        "that sums the bias gradient over everything: " + _BIAS_SHAPE,
    ),
    (
        lambda a, d: (a.T @ d, d.sum(axis=0, keepdims=True)),
        "drop keepdims=True: " + _BIAS_SHAPE,
    ),
]


ex6_3 = function_exercise(
    "6.3",
    "a layer's weight and bias gradients (BP3, BP4)",
    reference=_layer_gradients,
    cases=_LAYER_CASES,
    mistakes=_LAYER_MISTAKES,
    outputs=("dW", "db"),
    error_hints=_shape_hint(_LAYER_SHAPES),
    hints=[
        "The weight W[i, j] connects input i to unit j: in each sample it contributes "
        "a_prev[i] · δ[j], and the batch adds these up. A sum of products over the samples is a "
        "matrix product.",
        "Let the shapes guide you: a_prev is (m, n_in), delta is (m, n_out), and dW must be "
        "(n_in, n_out), like W; db must be (n_out,), like b, so it sums over one axis.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 6.4 A full backward pass for a network with two hidden layers, which the lesson never codes
# ---------------------------------------------------------------------------------------------

_rng = seeded("6.4")


def _sigmoid_slope(a: np.ndarray) -> np.ndarray:
    """σ'(z) from the cached output a = σ(z)."""
    return a * (1.0 - a)


def _tanh_slope(a: np.ndarray) -> np.ndarray:
    """tanh'(z) from the cached output a = tanh(z)."""
    return 1.0 - a**2


def _forgotten(a: np.ndarray) -> float:
    return 1.0


def _sigmoid_again(a: np.ndarray) -> np.ndarray:
    return _sigmoid(a) * (1.0 - _sigmoid(a))


def _deep_backward(
    X,
    y,
    W1,
    b1,
    W2,
    b2,
    W3,
    b3,
    *,
    hidden=_sigmoid,
    output_slope=_sigmoid_slope,
    slope2=None,
    slope1=None,
    transpose: bool = True,
    skip: bool = False,
    own_output: bool = False,
    scale: str = "n",
    two: bool = True,
    sign: float = 1.0,
    average: bool = False,
):
    """The backward pass of a network with two ``hidden`` layers and a sigmoid output, for the
    cost mean((a3 - y)²): BP1 once, BP2 twice, BP3 and BP4 for each layer. The slopes of the
    hidden layers are ``slope2(a2)`` and ``slope1(a1)`` (the ``hidden`` activation's by
    default). The other keywords make the mistakes learners make in it.
    """
    default = _tanh_slope if hidden is np.tanh else _sigmoid_slope
    slope2, slope1 = slope2 or default, slope1 or default
    a1 = hidden(X @ W1 + b1)
    a2 = hidden(a1 @ W2 + b2)
    a3 = _sigmoid(a2 @ W3 + b3)
    n = {"n": a3.size, "m": a3.shape[0], "none": 1}[scale]
    delta3 = sign * (2.0 if two else 1.0) * (a3 - y) / n * output_slope(a3)
    back = (lambda W: W.T) if transpose else (lambda W: W)
    delta2 = (delta3 @ back(W3)) * slope2(a2)
    delta1 = ((delta3 @ back(W3)) if skip else (delta2 @ back(W2))) * slope1(a1)
    inputs = (a1, a2, a3) if own_output else (X, a1, a2)
    m = X.shape[0] if average else 1
    return tuple(
        gradient
        for a_prev, delta in zip(inputs, (delta1, delta2, delta3), strict=True)
        for gradient in (a_prev.T @ delta / m, delta.sum(axis=0) / m)
    )


def _deep_case(m: int, sizes: tuple[int, ...], scale: float = 1.0, X=None, Y=None):
    X = _rng.normal(size=(m, sizes[0])) if X is None else X
    Y = _targets((m, sizes[-1])) if Y is None else Y
    parameters = []
    for n_in, n_out in itertools.pairwise(sizes):
        parameters += [
            _rng.normal(scale=scale, size=(n_in, n_out)),
            _rng.normal(scale=0.5, size=n_out),
        ]
    return (X, Y, *parameters)


_XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
_DEEP_CASES = [
    _deep_case(4, (2, 3, 3, 1), X=_XOR_X, Y=np.array([[0.0], [1.0], [1.0], [0.0]])),
    _deep_case(5, (3, 4, 2, 2)),
    _deep_case(6, (3, 3, 3, 3)),  # square weights: a missing transpose gives no shape error
    _deep_case(1, (2, 3, 4, 1)),  # a single sample
    _deep_case(7, (4, 5, 3, 2), scale=2.0),
]

_DEEP_MISTAKES: Mistakes = [
    (
        lambda *p: _deep_backward(*p, output_slope=_forgotten),
        f"{FORGETS_DERIVATIVE} at the output layer: δ3 = 2 (a3 - y) / n ⊙ a3 (1 - a3) (BP1).",
    ),
    (
        lambda *p: _deep_backward(*p, slope2=_forgotten, slope1=_forgotten),
        f"{FORGETS_DERIVATIVE} in both hidden layers: BP2 multiplies by a (1 - a) each time, "
        "δ2 = (δ3 @ W3.T) ⊙ a2 (1 - a2) and δ1 = (δ2 @ W2.T) ⊙ a1 (1 - a1).",
    ),
    (
        lambda *p: _deep_backward(*p, slope1=_forgotten),
        f"{FORGETS_DERIVATIVE} in the first hidden layer: δ1 = (δ2 @ W2.T) ⊙ a1 (1 - a1).",
    ),
    (
        lambda *p: _deep_backward(*p, slope2=_forgotten),
        f"{FORGETS_DERIVATIVE} in the second hidden layer: δ2 = (δ3 @ W3.T) ⊙ a2 (1 - a2).",
    ),
    (
        lambda *p: _deep_backward(
            *p, output_slope=_forgotten, slope2=_forgotten, slope1=_forgotten
        ),
        f"{FORGETS_DERIVATIVE}, in every layer: multiply by σ'(z) = a (1 - a) each time.",
    ),
    (
        lambda *p: _deep_backward(
            *p, output_slope=_sigmoid_again, slope2=_sigmoid_again, slope1=_sigmoid_again
        ),
        "a1, a2 and a3 are already sigmoid outputs: σ'(z) = a (1 - a), not σ(a)(1 - σ(a)).",
    ),
    (
        lambda *p: _deep_backward(*p, skip=True),
        "δ1 is pushed back from δ3: BP2 goes back one layer at a time, so δ1 comes from the layer "
        "just above it, δ1 = (δ2 @ W2.T) ⊙ a1 (1 - a1).",
    ),
    (
        lambda *p: _deep_backward(*p, own_output=True),
        "BP4 pairs a layer's error with the layer's input, not its output: dW1 = X.T @ δ1, "
        "dW2 = a1.T @ δ2, dW3 = a2.T @ δ3.",
    ),
    (
        lambda *p: _deep_backward(*p, transpose=False),
        "the weights are not transposed in BP2: δ2 = (δ3 @ W3.T) ⊙ a2 (1 - a2) and "
        "δ1 = (δ2 @ W2.T) ⊙ a1 (1 - a1).",
    ),
    (
        lambda *p: _deep_backward(*p, sign=-1.0),
        "every gradient has the wrong sign: δ3 starts from a3 - y, not y - a3.",
    ),
    (
        lambda *p: _deep_backward(*p, scale="m"),
        "the loss is the mean over all n = m × n_out entries of a3 (a3.size), not over the m rows.",
    ),
    (
        lambda *p: _deep_backward(*p, two=False),
        "every gradient is half as large as it should be: ∂(a - y)²/∂a = 2 (a - y).",
    ),
    (
        lambda *p: _deep_backward(*p, scale="none"),
        "the loss is a mean: ∂C/∂a3 = 2 (a3 - y) / n with n = a3.size.",
    ),
    (
        lambda *p: _deep_backward(*p, average=True),
        "δ already carries the loss's 1/n: the weight and bias gradients sum over the samples "
        "(a_prev.T @ δ and δ.sum(axis=0)), they do not average again.",
    ),
]


_DEEP_SHAPES = (
    "check every matrix product's shapes: X (m, n_in), W1 (n_in, n_1), W2 (n_1, n_2), "
    "W3 (n_2, n_out), δ3 (m, n_out), δ2 (m, n_2), δ1 (m, n_1). In BP2 the error and the "
    "weights only fit as δ3 @ W3.T, of shape (m, n_2), and δ2 @ W2.T, of shape (m, n_1)."
)


def _deep_given(case: tuple[np.ndarray, ...]) -> str:
    X, Y, W1, _, W2, *_ = case
    layers = f"hidden layers of {W1.shape[1]} and {W2.shape[1]} units"
    return (
        f"X of shape {X.shape}, y of shape {Y.shape} and {layers}"
        if X.size > 2
        else f"X = {describe(X)}, y = {describe(Y)} and {layers}"
    )


ex6_4 = function_exercise(
    "6.4",
    "a backward pass through two hidden layers",
    reference=_deep_backward,
    cases=_DEEP_CASES,
    mistakes=_DEEP_MISTAKES,
    outputs=("dW1", "db1", "dW2", "db2", "dW3", "db3"),
    given=_deep_given,
    error_hints=_shape_hint(_DEEP_SHAPES),
    prechecks=[written_without(MLP, Value)],  # the package's backprop and autodiff
    exact=True,  # finite differences cannot reach 12 digits: an approximation is named
    close_hint=f"{APPROXIMATION} For a network, the chain rule step by step is BP1-BP4.",
    hints=[
        "Forward first, keeping a1, a2 and a3. Then backward, from the output to the input: "
        "δ3 (BP1), then δ2 and δ1 (BP2, once per hidden layer), and each layer's dW and db "
        "(BP4, BP3).",
        "The lesson's network had one hidden layer, so BP2 ran once. Here it runs twice: δ2 from "
        "δ3 and W3, then δ1 from δ2 and W2, each time times that layer's a (1 - a).",
        "Each layer's dW pairs its error with its input: X for layer 1, a1 for layer 2, a2 for "
        "layer 3 (exercise 6.3).",
    ],
)


# ---------------------------------------------------------------------------------------------
# 6.5 A gradient check: centred differences and the relative error
# ---------------------------------------------------------------------------------------------

_rng = seeded("6.5")


def _numeric_with(f, x, h, kind):
    x = np.array(x, dtype=float)
    numeric = np.zeros_like(x)
    f0 = f(x.copy())
    for index in np.ndindex(x.shape):
        plus, minus = x.copy(), x.copy()
        plus[index] += h
        minus[index] -= h
        if kind == "forward":
            numeric[index] = (f(plus) - f0) / h
        elif kind == "no 2":
            numeric[index] = (f(plus) - f(minus)) / h
        else:
            numeric[index] = (f(plus) - f(minus)) / (2 * h)
    return numeric


def _relative(grad, numeric, kind):
    grad = np.asarray(grad, dtype=float)
    difference = np.abs(grad - numeric)
    with np.errstate(all="ignore"):
        if kind == "absolute":
            return float(difference.max())
        if kind == "analytic":
            return float(np.nanmax(difference / np.abs(grad)))
        if kind == "numeric":
            return float(np.nanmax(difference / np.abs(numeric)))
        if kind == "sum":
            return float(np.nanmax(difference / (np.abs(grad) + np.abs(numeric))))
        if kind == "global":
            return float(difference.max() / max(np.abs(grad).max(), np.abs(numeric).max()))
        if kind == "norm":
            return float(
                np.linalg.norm(grad - numeric) / (np.linalg.norm(grad) + np.linalg.norm(numeric))
            )
        scale = np.maximum(np.abs(grad), np.abs(numeric))
        ratios = np.divide(difference, scale, out=np.zeros_like(scale), where=scale > 0)
        return float(ratios.mean() if kind == "mean" else ratios.max())


def _checker(numeric_kind: str = "centred", relative_kind: str = "max"):
    """A gradient check: the centred difference and the largest relative error, entry by entry
    (and, with the keywords, the mistakes learners make in it).
    """
    return lambda f, x, grad, h=1e-5: _relative(
        grad, _numeric_with(f, x, h, numeric_kind), relative_kind
    )


_gradient_check = _checker()


class _Function:
    """A test function that shows its formula (not a memory address) in messages."""

    def __init__(self, formula: str, function: Callable[[np.ndarray], float]) -> None:
        self.formula, self.function = formula, function

    def __call__(self, x: np.ndarray) -> float:
        return self.function(x)

    def __repr__(self) -> str:
        return f"f(x) = {self.formula}"


_X_TANH = _rng.normal(size=(5, 2))
_T_TANH = _rng.normal(size=(5, 3))


def _tanh_loss_grad(W):
    out = np.tanh(_X_TANH @ W)
    return _X_TANH.T @ (2.0 * (out - _T_TANH) / out.size * (1.0 - out**2))


_SINE = _Function("sum(sin(3x))", lambda x: float(np.sum(np.sin(3.0 * x))))
_TANH = _Function(
    "mean((tanh(X @ W) - T)²)", lambda W: float(np.mean((np.tanh(_X_TANH @ W) - _T_TANH) ** 2))
)
_TWO_OF_FOUR = _Function("x[0]² + 3 x[1]", lambda x: float(x[0] ** 2 + 3.0 * x[1]))  # no x[2], x[3]
_CUBES = _Function("10⁶ sum(x³)", lambda x: float(1e6 * np.sum(x**3)))

_X_SINE = np.array([-1.0, -0.3, 0.2, 0.5, 0.9])
_W_TANH = _rng.normal(size=(2, 3))
_X_FOUR = np.array([1.5, -2.0, 0.7, 3.0])
_X_CUBES = np.array([0.5, -1.2, 2.0])
_ONE_WRONG = 3.0 * np.cos(3.0 * _X_SINE)
_ONE_WRONG[3] *= 1.5

# (description of f, f, x, the analytic gradient to check)
_CHECK_CASES = [
    (
        "f(x) = sum(sin(3x)) and its right gradient 3 cos(3x)",
        _SINE,
        _X_SINE,
        3 * np.cos(3 * _X_SINE),
    ),
    (
        "f(x) = sum(sin(3x)) and a gradient with one entry 1.5 times too large",
        _SINE,
        _X_SINE,
        _ONE_WRONG,
    ),
    (
        "an MSE of a tanh layer in its weights W (shape (2, 3)), with a gradient half as large as it should be",
        _TANH,
        _W_TANH,
        0.5 * _tanh_loss_grad(_W_TANH),
    ),
    (
        "the same MSE with a gradient twice as large as it should be",
        _TANH,
        _W_TANH,
        2.0 * _tanh_loss_grad(_W_TANH),
    ),
    (
        "the same MSE with a gradient of the wrong sign",
        _TANH,
        _W_TANH,
        -_tanh_loss_grad(_W_TANH),
    ),
    (
        "f(x) = x[0]² + 3 x[1], which ignores x[2] and x[3], and its right gradient (2 x[0], 3, 0, 0)",
        _TWO_OF_FOUR,
        _X_FOUR,
        np.array([3.0, 3.0, 0.0, 0.0]),
    ),
    (
        "f(x) = 10⁶ · sum(x³) and its right gradient 3·10⁶ x²",
        _CUBES,
        _X_CUBES,
        3e6 * _X_CUBES**2,
    ),
]

_CHECK_MISTAKES: Mistakes = [
    (
        _checker("forward"),
        "that looks like a forward difference (f(x + h) - f(x)) / h, whose error is of order h; "
        "the centred difference (f(x + h) - f(x - h)) / 2h is far more accurate (error of order h²).",
    ),
    (
        _checker("no 2"),
        "the centred difference divides by 2h, the distance between x - h and x + h.",
    ),
    (
        _checker(relative_kind="absolute"),
        "that is the absolute error |a - b|: divide each entry by max(|a|, |b|), so that the "
        "number means the same for gradients of size 10⁻⁴ and 10⁶.",
    ),
    (
        _checker(relative_kind="mean"),
        "take the largest relative error over the entries, not the average: a single wrong "
        "entry is a bug.",
    ),
    (
        _checker(relative_kind="analytic"),
        "divide by the larger of |analytic| and |numeric|, max(|a|, |b|), not by |analytic| alone.",
    ),
    (
        _checker(relative_kind="numeric"),
        "divide by the larger of |analytic| and |numeric|, max(|a|, |b|), not by |numeric| alone.",
    ),
    (
        _checker(relative_kind="sum"),
        "divide by the larger of the two, max(|a|, |b|), not by their sum |a| + |b|.",
    ),
    (
        _checker(relative_kind="global"),
        "divide each entry's difference by that entry's own scale, |a_i - b_i| / max(|a_i|, |b_i|), "
        "then take the largest; one overall scale lets a small wrong entry hide next to large ones.",
    ),
    (
        _checker(relative_kind="norm"),
        "compare entry by entry, |a_i - b_i| / max(|a_i|, |b_i|), and return the largest; the "
        "ratio of norms hides one bad entry among many good ones.",
    ),
]

_ZERO_HINT = (
    "where the analytic and the numeric gradient are both 0 the relative error is 0/0: count it "
    "as 0, e.g. np.divide(difference, scale, out=np.zeros_like(scale), where=scale > 0)."
)


_WHERE_WITHOUT_OUT = (
    "np.divide(..., where=scale > 0) without out= leaves the entries where scale is 0 "
    "uninitialised: they hold whatever was in memory, so the answer is right only by luck. Give it an array to fill, out=np.zeros_like(scale), so "
    "that those entries are 0."
)


def _check_case_text(args: tuple[Any, ...]) -> str:
    """The words for a case of 6.5: which function, which gradient, at which x."""
    text, _, x, _ = next(
        c for c in _CHECK_CASES if all(p is q for p, q in zip(c[1:], args, strict=True))
    )
    return f"{text}, at x = {describe(x)}"


def _tiny_or_zero(args: tuple[Any, ...], got: Any) -> str:
    """What a wrong relative error means here."""
    if np.isnan(np.asarray(got, dtype=float)).any():
        return f"Hint: {_ZERO_HINT}"
    if _gradient_check(*args) < 1e-7:
        return "The gradient is right here, so the relative error should be tiny (below 1e-7)."
    return ""


ex6_5 = function_exercise(
    "6.5",
    "a gradient check",
    reference=_gradient_check,
    cases=[case[1:] for case in _CHECK_CASES],
    mistakes=_CHECK_MISTAKES,
    given=_check_case_text,
    error_hints=[(piece, _ZERO_HINT) for piece in ("invalid value", "divide by zero")]
    + [("'where' used without 'out'", _WHERE_WITHOUT_OUT)],
    explain=_tiny_or_zero,
    prechecks=[written_without(numerical_gradient, relative_error)],
    rtol=1e-5,
    atol=1e-7,
    hints=[
        "For each entry of x: save it, set it to old + h and evaluate f, set it to old - h and "
        "evaluate f, then put the saved value back. The centred difference is "
        "(f(x + h e_i) - f(x - h e_i)) / 2h.",
        "`for index in np.ndindex(x.shape):` visits every index of an array of any shape "
        "(a vector, a matrix, ...); x[index] is then one entry.",
        "Then, entry by entry, |a - b| / max(|a|, |b|), counting 0 where both are 0 "
        "(np.divide with out= and where=), and return the largest ratio as a float.",
    ],
)


# ---------------------------------------------------------------------------------------------
# 6.7 Transfer: backpropagation through tanh hidden layers
# ---------------------------------------------------------------------------------------------


def _tanh_backward(*p, **mistake):
    """6.4's backward pass with tanh hidden layers, whose slope is 1 - a²."""
    return _deep_backward(*p, hidden=np.tanh, **mistake)


ex6_7 = function_exercise(
    "6.7",
    "transfer: a backward pass with tanh hidden layers",
    reference=_tanh_backward,
    cases=_DEEP_CASES,
    mistakes=[
        (
            lambda *p: _tanh_backward(*p, slope2=_sigmoid_slope, slope1=_sigmoid_slope),
            "a (1 - a) is the sigmoid's slope; the hidden layers are tanh now, whose slope is "
            "1 - tanh² = 1 - a².",
        ),
        (
            lambda *p: _tanh_backward(*p, slope2=_tanh_slope, slope1=_sigmoid_slope),
            "the first hidden layer is tanh too: δ1 = (δ2 @ W2.T) ⊙ (1 - a1²), not a1 (1 - a1).",
        ),
        (
            lambda *p: _tanh_backward(*p, output_slope=_tanh_slope),
            "the output layer is still a sigmoid: BP1 keeps a3 (1 - a3); only the hidden layers "
            "change to 1 - a².",
        ),
        (
            lambda *p: _tanh_backward(
                *p, slope2=lambda a: 1.0 - np.tanh(a) ** 2, slope1=lambda a: 1.0 - np.tanh(a) ** 2
            ),
            "a1 and a2 are already tanh outputs: the slope is 1 - a², not 1 - tanh(a)².",
        ),
        (
            lambda *p: _tanh_backward(*p, slope2=_forgotten, slope1=_forgotten),
            f"{FORGETS_DERIVATIVE} in the hidden layers: multiply by tanh'(z) = 1 - a².",
        ),
    ],
    outputs=("dW1", "db1", "dW2", "db2", "dW3", "db3"),
    given=_deep_given,
    error_hints=_shape_hint(_DEEP_SHAPES),
    prechecks=[written_without(MLP, Value)],  # the package's backprop and autodiff
    exact=True,
    hints=[
        "Only one thing changes from exercise 6.4: the hidden layers' activation, in the forward "
        "pass and in their slope in BP2.",
        "tanh'(z) = 1 - tanh(z)², and the forward pass already holds a1 = tanh(z1) and "
        "a2 = tanh(z2). The output layer is still a sigmoid.",
    ],
)


# Predict, then run
ex6_6 = predict_question(
    "6.6",
    "predict: the gradients of an all-zero network",
    answer="all zero",
    choices=("all zero", "all equal, not zero", "different from each other"),
    explanation="with W2 = 0, BP2 gives δ1 = (δ2 @ W2.T) ⊙ σ'(z1) = 0: no error reaches the "
    "hidden layer, so dW1 is all zero, while dW2 is not.",
    hints=["Write BP2 for δ1 and look at each factor with these starting weights."],
)
