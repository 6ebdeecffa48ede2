"""Calling a learner's function: stubs, floating-point errors raised not silenced, and numpy's
exceptions explained in a sentence that names the learner's arrays and the line that failed.

Part of the check framework; its public face is :mod:`neuronlab.exercises.checks`.
"""

from __future__ import annotations

import copy
import inspect
import traceback
import warnings
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

_PACKAGE = str(Path(__file__).resolve().parents[1])


class Incorrect(Exception):
    """Raised inside a test when the learner's answer is wrong; its text is shown to them."""


class WrongShape(Incorrect):
    """An answer of the wrong kind or shape (no ratio to the expected value can be taken)."""


class NotAttempted(Exception):
    """Raised inside a test when the learner's function is still the stub."""


# ---------------------------------------------------------------------------------------------
# Calling the learner's function
# ---------------------------------------------------------------------------------------------


def call(
    function: Callable[..., Any],
    *args: Any,
    names: Sequence[str] | None = None,
    allow: Sequence[str] = (),
    passes: tuple[type[Exception], ...] = (),
    **kwargs: Any,
) -> Any:
    """Call the learner's function with floating-point errors raised (not silenced).

    A stub becomes NotAttempted; a floating-point error (overflow, invalid value, division by
    zero, unless named in ``allow``) or any other exception (except those in ``passes``)
    becomes Incorrect, in a sentence that names the learner's arrays and shapes and the
    learner's own line that failed.
    """
    raised = {
        kind: "ignore" if kind in allow else "raise" for kind in ("over", "divide", "invalid")
    }
    try:
        with warnings.catch_warnings(), np.errstate(**raised):
            warnings.simplefilter("error", RuntimeWarning)
            # np.divide(a, b, where=...) without out= leaves the other entries uninitialised
            warnings.filterwarnings("error", "'where' used without 'out'", UserWarning)
            return function(*args, **kwargs)
    except NotImplementedError as error:
        raise NotAttempted(str(error)) from error
    except passes:
        raise
    except Exception as error:  # the learner's code may raise anything: report it, don't crash
        raise Incorrect(explain_error(error, function, args, kwargs, names)) from None


def explain_error(
    error: BaseException,
    function: Callable[..., Any],
    args: Sequence[Any],
    kwargs: Mapping[str, Any],
    names: Sequence[str] | None = None,
) -> str:
    """A sentence about an exception the learner's function raised, for a novice."""
    if names is None:
        try:
            names = list(inspect.signature(function).parameters)
        except (TypeError, ValueError):
            names = []
    pairs = list(zip(names, args, strict=False)) + list(kwargs.items())
    arguments = ", ".join(f"{n} = {describe(v)}" for n, v in pairs) or "its inputs"
    shapes = ", ".join(f"{n} of shape {np.shape(v)}" for n, v in pairs if isinstance(v, np.ndarray))
    text = str(error)
    where = failing_line(error)
    if isinstance(error, FloatingPointError | Warning):
        head = f"Calling it with {arguments} gave a warning: {text.rstrip('.')}."
        return head + where
    if "matmul" in text or "not aligned" in text or "core dimension" in text:
        return (
            f"Calling it with {arguments}: a matrix product (`@`) got arrays whose inner sizes "
            f"do not match ({shapes}). In A @ B the last size of A must equal the first size of "
            "B: check the order of the two arrays (X @ w, not w @ X) and whether one needs a "
            f"transpose (.T).{where}"
        )
    if "could not be broadcast" in text:
        return (
            f"Calling it with {arguments}: two arrays of different shapes were combined element "
            f"by element and numpy could not line them up ({text.split(': ', 1)[-1]}). Your "
            f"inputs: {shapes or 'numbers'}. Print the shapes of the arrays on that line; "
            f"one may need a transpose (.T), a sum, or the other order.{where}"
        )
    if "truth value of an array" in text:
        return (
            f"Calling it with {arguments}: Python's `if`, `and`, `or`, `max` and `min` look at "
            "one True/False at a time, and an array holds many. To test a whole array, wrap the "
            "comparison: np.any(s < 0); combine comparisons with | or & in brackets, "
            "np.any((s < 0) | (s > 1)). To choose element by element, use np.where, np.maximum "
            f"or np.minimum.{where}"
        )
    if "converted to Python scalars" in text or "only length-1 arrays" in text:
        return (
            f"Calling it with {arguments} raised {type(error).__name__} ({text}): a function made "
            "for one number (math.exp, math.log, float(), int()) was given an array. Use numpy's "
            f"versions, np.exp and np.log, which work on every element of an array.{where}"
        )
    if isinstance(error, AssertionError):
        return (
            f"Calling it with {arguments} raised AssertionError.{where} For bad input raise "
            "ValueError(...) instead: assert is for the programmer's own checks, and python -O "
            "turns it off."
        )
    return f"Calling it with {arguments} raised {type(error).__name__}: {text}{where}"


def failing_line(error: BaseException) -> str:
    """`` The line that failed: `...` `` for the deepest frame in the learner's own code."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        filename = frame.filename
        if filename.startswith(_PACKAGE) or "site-packages" in filename or "numpy" in filename:
            continue
        if frame.line:
            return f" The line that failed: `{frame.line.strip()}`."
        return ""
    return ""


def describe(value: Any, limit: int = 70, most: int = 8) -> str:
    """A short, one-line description of an input or output for a message: an array of up to
    ``most`` entries written out in full, a larger one by its shape.
    """
    if isinstance(value, np.generic) and value.dtype.kind in "fiub":
        return f"{value.item():.6g}" if value.dtype.kind == "f" else str(value.item())
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, np.ndarray):
        if value.size > most:
            return f"an array of shape {value.shape}"
        with np.printoptions(precision=4, linewidth=10**6):
            text = np.array2string(value, separator=", ").replace("\n", "")
        return text + (" (float32)" if value.dtype == np.float32 else "")
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


class Keywords(dict):
    """The last item of a case that passes arguments by name: ``(z, Keywords(slope=0.1))``."""


def split(args: Sequence[Any]) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """A case as positional arguments and keyword arguments."""
    if args and isinstance(args[-1], Keywords):
        return tuple(args[:-1]), dict(args[-1])
    return tuple(args), {}


def copies(args: Sequence[Any]) -> tuple[Any, ...]:
    """The arguments with every array (also inside a list) copied, so that an answer cannot
    change the test's data.
    """
    return tuple(
        a.copy()
        if isinstance(a, np.ndarray)
        else copy.deepcopy(a)
        if isinstance(a, list | tuple)
        else a
        for a in args
    )


def is_float32(args: Sequence[Any]) -> bool:
    """True if any argument is a float32 array (then float32 tolerances apply)."""
    return any(isinstance(a, np.ndarray) and a.dtype == np.float32 for a in args)
