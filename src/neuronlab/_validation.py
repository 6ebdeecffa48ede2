"""Input checks shared by the package: turn learner input into float arrays, or explain why not.

Every public function of the course checks what it is given, so that a wrong shape or a
string where a number belongs gives a clear message instead of a silently wrong number.
"""

from __future__ import annotations

import numbers

import numpy as np
from numpy.typing import ArrayLike


def as_float_array(values: ArrayLike, name: str = "z") -> np.ndarray:
    """Return ``values`` as a float array; float32 stays float32, integers become float64.

    Raises TypeError for text, objects or complex numbers, naming the argument and the value.
    """
    array = np.asarray(values)
    if array.dtype.kind == "f":
        return array
    if array.dtype.kind in "iub":
        return array.astype(np.float64)
    if array.dtype.kind == "c":
        raise TypeError(f"{name} must hold real numbers, but it holds complex numbers: {values!r}")
    raise TypeError(
        f"{name} must be a number or an array of numbers, but got {describe(values)}. "
        "Convert it with np.asarray(..., dtype=float) first."
    )


def as_real_number(value: object, name: str) -> float:
    """Return ``value`` as a Python float, or raise TypeError/ValueError naming the argument."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, but got {describe(value)}.")
    number = float(value)
    if not np.isfinite(number):
        raise ValueError(f"{name} must be finite, but got {number}.")
    return number


def as_whole_number(value: object, name: str, minimum: int = 1) -> int:
    """Return ``value`` as a Python int, or raise ValueError naming the argument.

    Accepts Python and numpy integers (``np.int64(10)``); refuses ``True`` and ``False`` (they
    are integers to Python, but never meant as a count), floats such as ``3.0``, and anything
    below ``minimum``.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
        raise ValueError(f"{name} must be a whole number >= {minimum}, but got {value!r}.")
    return int(value)


def shape_text(shape: tuple[int, ...]) -> str:
    """Write a shape the way numpy prints it: (3,) or (4, 2)."""
    return str(tuple(shape))


def describe(value: object) -> str:
    """``str 'a'``: the type and a short repr of a value, for error messages."""
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{type(value).__name__} {text}"
