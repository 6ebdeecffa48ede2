"""Checking derivatives with centred finite differences.

A derivative is a limit: ``f'(z) = lim (f(z + h) - f(z - h)) / 2h`` as ``h → 0``. With a small but
finite ``h`` this *centred difference* has an error of order ``h²`` (truncation) plus rounding
error of order ``ε / h`` (``ε ≈ 1e-16`` in float64), so ``h ≈ 1e-5`` is a good compromise.
Comparing an analytic gradient with it catches almost every bug in a backward pass.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from neuronlab._validation import as_float_array, as_real_number, shape_text


def numerical_derivative(
    f: Callable[[np.ndarray], np.ndarray], z: ArrayLike, h: float = 1e-5
) -> np.ndarray:
    """Centred difference ``(f(z + h) - f(z - h)) / 2h`` of an element-wise function, at every z."""
    z = as_float_array(z).astype(np.float64)
    h = as_real_number(h, "h")
    if h <= 0:
        raise ValueError(f"the step h must be positive, but got {h}.")
    return (np.asarray(f(z + h)) - np.asarray(f(z - h))) / (2 * h)


def numerical_gradient(
    f: Callable[[np.ndarray], float], x: ArrayLike, h: float = 1e-5
) -> np.ndarray:
    """Gradient of a scalar function of an array, one centred difference per entry:
    ``∂f/∂x_i ≈ (f(x + h e_i) - f(x - h e_i)) / 2h``. ``x`` itself is left unchanged.
    """
    x = as_float_array(x, name="x").astype(np.float64)
    h = as_real_number(h, "h")
    if h <= 0:
        raise ValueError(f"the step h must be positive, but got {h}.")
    gradient = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        shifted = x.copy()
        shifted[index] = x[index] + h
        f_plus = float(f(shifted))
        shifted[index] = x[index] - h
        f_minus = float(f(shifted))
        gradient[index] = (f_plus - f_minus) / (2 * h)
    return gradient


def relative_error(a: ArrayLike, b: ArrayLike) -> float:
    """Largest relative difference ``|a - b| / max(|a|, |b|)`` over all entries (0 where both are 0).

    Below about 1e-7 an analytic gradient agrees with a centred difference in float64;
    above 1e-3 something is almost surely wrong.
    """
    a = as_float_array(a, name="a").astype(np.float64)
    b = as_float_array(b, name="b").astype(np.float64)
    if a.shape != b.shape:
        raise ValueError(
            f"a and b must have the same shape, but a has {shape_text(a.shape)} "
            f"and b has {shape_text(b.shape)}."
        )
    scale = np.maximum(np.abs(a), np.abs(b))
    difference = np.abs(a - b)
    ratios = np.divide(difference, scale, out=np.zeros_like(scale), where=scale > 0)
    return float(ratios.max()) if ratios.size else 0.0
