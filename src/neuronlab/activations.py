"""Activation functions and their derivatives.

A neuron computes its net input ``z = w · x + b`` and then *fires* ``a = f(z)``, where ``f`` is
its activation function. Learning by gradient descent also needs the derivative ``f'(z)``: how
much the output moves when the net input moves a little.

Every function here

* works element by element on a number or an array of any shape,
* keeps float32 as float32 (integers become float64),
* gives correct values without warnings at ±1000, ±1e308 and ±inf, and lets NaN pass through.

Where a derivative is undefined at a single point (the step and ReLU at ``z = 0``), the value
used there is a convention, written in the docstring.

``ACTIVATIONS`` maps each name to an :class:`Activation`, callable on ``z`` with a
``derivative(z)``, so that a network can be given activations by name.

Naming: ``f_derivative`` is the function ``f'`` (Nielsen's ``sigmoid_derivative``), and an
:class:`Activation` holds it as ``derivative``. A *gradient* (in :mod:`neuronlab.losses`) is the
derivative of one number, the cost, with respect to every entry of an array.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from neuronlab._validation import as_float_array, as_real_number

# ---------------------------------------------------------------------------------------------
# The step function (lessons 01-02)
# ---------------------------------------------------------------------------------------------


def step(z: ArrayLike) -> np.ndarray:
    """Heaviside step: ``1`` where ``z >= 0``, else ``0``.

    The neuron fires (1) once its net input reaches the threshold, which the bias has moved to 0.
    """
    z = as_float_array(z)
    return np.where(np.isnan(z), np.nan, np.where(z >= 0, 1.0, 0.0).astype(z.dtype))


def step_derivative(z: ArrayLike) -> np.ndarray:
    """Derivative of the step: ``0`` everywhere.

    At ``z = 0`` the step jumps and has no derivative; the convention here is 0. Either way a
    step gives gradient descent no signal: nudging a weight never changes the output smoothly.
    """
    z = as_float_array(z)
    return np.where(np.isnan(z), np.nan, np.zeros_like(z))


# ---------------------------------------------------------------------------------------------
# The sigmoid (lessons 03-04)
# ---------------------------------------------------------------------------------------------


def sigmoid(z: ArrayLike) -> np.ndarray:
    """Logistic sigmoid ``σ(z) = 1 / (1 + e^(-z))``, computed without overflow.

    The naive formula overflows for ``z <= -710`` (``e^(-z)`` is too big for float64). The same
    value, written as ``σ(z) = e^min(z, 0) / (1 + e^(-|z|))``, only ever takes ``e`` to a
    power <= 0, so nothing overflows: for ``z >= 0`` it is the usual formula, and for ``z < 0``
    it is ``e^z / (1 + e^z)``, the usual formula with top and bottom multiplied by ``e^z``.
    """
    z = as_float_array(z)
    return np.exp(np.minimum(z, 0.0)) / (1.0 + np.exp(-np.abs(z)))


def sigmoid_derivative(z: ArrayLike) -> np.ndarray:
    """Derivative of the sigmoid from the net input: ``σ'(z) = σ(z) (1 - σ(z))``.

    Computed as ``e / (1 + e)^2`` with ``e = e^(-|z|)``, which equals ``σ(z) σ(-z)`` and stays
    exact far into both tails, where ``1 - σ(z)`` would round to 0. Largest, 0.25, at ``z = 0``.
    """
    z = as_float_array(z)
    e = np.exp(-np.abs(z))
    return e / (1.0 + e) ** 2


def sigmoid_derivative_from_output(s: ArrayLike) -> np.ndarray:
    """Derivative of the sigmoid from its *output* ``s = σ(z)``: ``σ'(z) = s (1 - s)``.

    This is the cheap form backpropagation uses, since the forward pass already stored ``s``.
    It is right only when ``s`` is the sigmoid's output, so values outside [0, 1] are refused.
    """
    s = as_float_array(s, name="s")
    if s.size and (s.min() < 0 or s.max() > 1):
        bad = s[(s < 0) | (s > 1)].flat[0]
        raise ValueError(
            f"sigmoid_derivative_from_output expects sigmoid outputs s = σ(z) in [0, 1], but got {bad}. "
            "Did you pass the net input z? For that, use sigmoid_derivative(z)."
        )
    return s * (1.0 - s)


# ---------------------------------------------------------------------------------------------
# The zoo (lesson 08)
# ---------------------------------------------------------------------------------------------


def _finite_or_zero(z: np.ndarray) -> np.ndarray:
    """``z`` with ±inf replaced by 0, to multiply by a factor that is 0 there without NaN."""
    return np.where(np.isinf(z), 0.0, z).astype(z.dtype)


def linear(z: ArrayLike) -> np.ndarray:
    """Identity ``f(z) = z``: no activation at all."""
    return as_float_array(z).copy()


def linear_derivative(z: ArrayLike) -> np.ndarray:
    """Derivative of the identity: ``1``."""
    z = as_float_array(z)
    return np.where(np.isnan(z), np.nan, np.ones_like(z))


def tanh(z: ArrayLike) -> np.ndarray:
    """Hyperbolic tangent ``tanh(z) = (e^z - e^(-z)) / (e^z + e^(-z)) = 2σ(2z) - 1``, in (-1, 1)."""
    return np.tanh(as_float_array(z))


def tanh_derivative(z: ArrayLike) -> np.ndarray:
    """Derivative of tanh: ``1 - tanh(z)^2``.

    Computed as ``4e / (1 + e)^2`` with ``e = e^(-2|z|)``, exact in the tails where
    ``1 - tanh(z)^2`` would round to 0. Largest, 1, at ``z = 0``.
    """
    z = as_float_array(z)
    e = np.exp(-np.abs(z)) ** 2  # e^(-2|z|), without overflowing 2|z|
    return 4.0 * e / (1.0 + e) ** 2


def relu(z: ArrayLike) -> np.ndarray:
    """Rectified linear unit ``max(0, z)``."""
    z = as_float_array(z)
    return np.maximum(z, 0.0)


def relu_derivative(z: ArrayLike) -> np.ndarray:
    """Derivative of ReLU: ``1`` for ``z > 0``, ``0`` for ``z < 0``.

    At ``z = 0`` there is a kink and no derivative; the convention here, as in PyTorch, is 0.
    """
    z = as_float_array(z)
    return np.where(np.isnan(z), np.nan, np.where(z > 0, 1.0, 0.0).astype(z.dtype))


def leaky_relu(z: ArrayLike, slope: float = 0.01) -> np.ndarray:
    """Leaky ReLU: ``z`` for ``z > 0``, ``slope · z`` otherwise.

    The small slope keeps a gradient alive for negative inputs. The default 0.01 matches
    PyTorch; other libraries use other defaults (Keras's LeakyReLU uses 0.3).
    """
    z = as_float_array(z)
    slope = as_real_number(slope, "slope")
    if slope < 0:
        raise ValueError(f"slope must be >= 0 (a small number such as 0.01), but got {slope}.")
    with np.errstate(invalid="ignore"):  # 0 · (-inf) when slope = 0 is replaced just below
        negative_side = np.where(np.isneginf(z) & (slope == 0), 0.0, slope * z)
    return np.where(z > 0, z, negative_side)


def leaky_relu_derivative(z: ArrayLike, slope: float = 0.01) -> np.ndarray:
    """Derivative of leaky ReLU: ``1`` for ``z > 0``, ``slope`` otherwise (at 0: ``slope``)."""
    z = as_float_array(z)
    slope = as_real_number(slope, "slope")
    return np.where(np.isnan(z), np.nan, np.where(z > 0, 1.0, slope).astype(z.dtype))


def elu(z: ArrayLike, alpha: float = 1.0) -> np.ndarray:
    """Exponential linear unit: ``z`` for ``z > 0``, ``alpha · (e^z - 1)`` otherwise."""
    z = as_float_array(z)
    alpha = as_real_number(alpha, "alpha")
    return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0.0)))


def elu_derivative(z: ArrayLike, alpha: float = 1.0) -> np.ndarray:
    """Derivative of ELU: ``1`` for ``z > 0``, ``alpha · e^z`` otherwise (at 0: ``alpha``)."""
    z = as_float_array(z)
    alpha = as_real_number(alpha, "alpha")
    return np.where(z > 0, 1.0, alpha * np.exp(np.minimum(z, 0.0))).astype(z.dtype)


def softplus(z: ArrayLike) -> np.ndarray:
    """Softplus ``log(1 + e^z)``, a smooth ReLU.

    Computed as ``max(z, 0) + log(1 + e^(-|z|))``, which never overflows and keeps tiny values
    in the negative tail (``softplus(-40) ≈ 4.2e-18``, not 0).
    """
    z = as_float_array(z)
    return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))


def softplus_derivative(z: ArrayLike) -> np.ndarray:
    """Derivative of softplus: the sigmoid, ``σ(z)``."""
    return sigmoid(z)


def silu(z: ArrayLike) -> np.ndarray:
    """Sigmoid-weighted linear unit (also called swish): ``z · σ(z)``."""
    z = as_float_array(z)
    return np.where(np.isposinf(z), np.inf, _finite_or_zero(z) * sigmoid(z)).astype(z.dtype)


def silu_derivative(z: ArrayLike) -> np.ndarray:
    """Derivative of SiLU: ``σ(z) + z · σ'(z) = σ(z) (1 + z (1 - σ(z)))``."""
    z = as_float_array(z)
    return sigmoid(z) + _finite_or_zero(z) * sigmoid_derivative(z)


_SQRT_2PI = math.sqrt(2.0 * math.pi)  # Python floats keep float32 arrays float32


def _normal_cdf(z: np.ndarray) -> np.ndarray:
    """Standard normal CDF ``Φ(z)``, accurate in both tails (scipy's ``ndtr``)."""
    from scipy.special import ndtr

    return ndtr(z).astype(z.dtype)


def _normal_pdf(z: np.ndarray) -> np.ndarray:
    """Standard normal density ``φ(z) = e^(-z²/2) / √(2π)``; 0 beyond |z| = 40, without overflow."""
    clipped = np.clip(z, -40.0, 40.0)
    return (np.exp(-0.5 * clipped * clipped) / _SQRT_2PI).astype(z.dtype)


def gelu(z: ArrayLike) -> np.ndarray:
    """Gaussian error linear unit, exact: ``z · Φ(z)``, with ``Φ`` the standard normal CDF.

    ``Φ`` comes from an erfc-based routine, so the negative tail keeps its tiny values
    (``gelu(-10) ≈ -7.6e-23``) instead of rounding to 0.
    """
    z = as_float_array(z)
    return np.where(np.isposinf(z), np.inf, _finite_or_zero(z) * _normal_cdf(z)).astype(z.dtype)


def gelu_derivative(z: ArrayLike) -> np.ndarray:
    """Derivative of GELU: ``Φ(z) + z · φ(z)``, with ``φ`` the standard normal density."""
    z = as_float_array(z)
    return _normal_cdf(z) + _finite_or_zero(z) * _normal_pdf(z)


_GELU_C = math.sqrt(2.0 / math.pi)
_GELU_A = 0.044715


def _gelu_tanh_inner(z: np.ndarray) -> np.ndarray:
    """``u = √(2/π) (z + 0.044715 z³)``, with z clipped to ±100 (beyond, tanh(u) is ±1 anyway)."""
    clipped = np.clip(z, -100.0, 100.0)
    return _GELU_C * (clipped + _GELU_A * clipped**3)


def gelu_tanh(z: ArrayLike) -> np.ndarray:
    """GELU's tanh approximation: ``0.5 z (1 + tanh(u))``, ``u = √(2/π) (z + 0.044715 z³)``.

    Since ``1 + tanh(u) = 2σ(2u)``, this is computed as ``z · σ(2u)``, which keeps the negative
    tail accurate. It differs from the exact GELU by at most about 4.7e-4 on [-6, 6].
    """
    z = as_float_array(z)
    gate = sigmoid(2.0 * _gelu_tanh_inner(z))
    return np.where(np.isposinf(z), np.inf, _finite_or_zero(z) * gate).astype(z.dtype)


def gelu_tanh_derivative(z: ArrayLike) -> np.ndarray:
    """Derivative of the tanh approximation: ``σ(2u) + z · 2σ'(2u) · u'(z)``,
    with ``u'(z) = √(2/π) (1 + 3 · 0.044715 z²)``.
    """
    z = as_float_array(z)
    u = _gelu_tanh_inner(z)
    clipped = np.clip(z, -100.0, 100.0)
    du = _GELU_C * (1.0 + 3.0 * _GELU_A * clipped**2)
    return sigmoid(2.0 * u) + _finite_or_zero(z) * (2.0 * sigmoid_derivative(2.0 * u) * du)


# ---------------------------------------------------------------------------------------------
# The registry
# ---------------------------------------------------------------------------------------------


class Activation(NamedTuple):
    """An activation function ``f`` with its derivative ``f'``, callable on the net input ``z``.

    ``derivative(z)`` is ``f'(z)``. Some activations can also give ``f'`` from their *output*
    ``a = f(z)``, which backpropagation has at hand: the sigmoid's ``σ' = a (1 - a)``. Those
    declare it as ``derivative_from_output`` (like scikit-learn's ``DERIVATIVES`` table);
    for the others it is None.
    """

    name: str
    function: Callable[[ArrayLike], np.ndarray]
    derivative: Callable[[ArrayLike], np.ndarray]
    output_range: str
    zero_centred: bool
    derivative_from_output: Callable[[ArrayLike], np.ndarray] | None = None

    def __call__(self, z: ArrayLike) -> np.ndarray:
        """The activation ``f(z)``."""
        return self.function(z)

    def derivative_at(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        """``f'(z)`` for a net input ``z`` whose output ``a = f(z)`` is known: from ``a`` when
        the activation declares ``derivative_from_output``, else from ``z``.
        """
        if self.derivative_from_output is not None:
            return self.derivative_from_output(a)
        return self.derivative(z)

    def __repr__(self) -> str:
        return f"Activation({self.name!r}, range {self.output_range})"


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in [
        Activation("step", step, step_derivative, "{0, 1}", zero_centred=False),
        Activation(
            "sigmoid",
            sigmoid,
            sigmoid_derivative,
            "(0, 1)",
            zero_centred=False,
            # σ'(z) = a (1 - a) from the output a = σ(z). The network passes σ's own outputs,
            # so the formula goes unchecked here; sigmoid_derivative_from_output checks for learners.
            derivative_from_output=lambda a: a * (1.0 - a),
        ),
        Activation("linear", linear, linear_derivative, "(-inf, inf)", zero_centred=True),
        Activation("tanh", tanh, tanh_derivative, "(-1, 1)", zero_centred=True),
        Activation("relu", relu, relu_derivative, "[0, inf)", zero_centred=False),
        Activation(
            "leaky_relu", leaky_relu, leaky_relu_derivative, "(-inf, inf)", zero_centred=False
        ),
        Activation("elu", elu, elu_derivative, "(-1, inf)", zero_centred=False),
        Activation("softplus", softplus, softplus_derivative, "(0, inf)", zero_centred=False),
        Activation("silu", silu, silu_derivative, "[-0.278, inf)", zero_centred=False),
        Activation("gelu", gelu, gelu_derivative, "[-0.170, inf)", zero_centred=False),
        Activation(
            "gelu_tanh", gelu_tanh, gelu_tanh_derivative, "[-0.170, inf)", zero_centred=False
        ),
    ]
}


def get_activation(name: str | Activation) -> Activation:
    """Look an activation up by name (``"sigmoid"``), or pass an :class:`Activation` through."""
    if isinstance(name, Activation):
        return name
    if not isinstance(name, str):
        raise TypeError(f"an activation is given by name, e.g. 'sigmoid'; got {name!r}.")
    try:
        return ACTIVATIONS[name]
    except KeyError:
        known = ", ".join(sorted(ACTIVATIONS))
        raise ValueError(f"unknown activation {name!r}; choose one of: {known}.") from None
