"""Comparing a learner's answer with the reference, and diagnosing what is wrong: a known
mistake, a telling ratio (-1, 2, h, h², n), an approximation, a changed input.

Part of the check framework; its public face is :mod:`neuronlab.exercises.checks`.
"""

from __future__ import annotations

import inspect
import math
import warnings
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from neuronlab.exercises._calling import (
    Incorrect,
    WrongShape,
    call,
    copies,
    describe,
    is_float32,
    split,
)

Mistakes = Sequence[tuple[Callable[..., Any], str]]  # (wrong answer, the hint it deserves)


# ---------------------------------------------------------------------------------------------
# Comparing and diagnosing
# ---------------------------------------------------------------------------------------------


def expect_array(
    got: Any,
    expected: Any,
    given: str,
    rtol: float = 1e-6,
    atol: float = 1e-12,
    check_dtype: bool = False,
    name: str = "",
) -> np.ndarray:
    """Compare one array the learner returned with the expected one; raise Incorrect if not close.

    ``given`` describes the input in the message (``"z = [-1, 0, 1]"``); ``name`` names the
    output when the answer returns several.
    """
    expected = np.asarray(expected)
    what = f"{name} " if name else ""
    if expected.dtype == bool and got is not None and np.asarray(got).dtype != bool:
        raise WrongShape(
            f"For {given} it should return True or False, but returned {describe(got)}."
        )
    got_array = expect_shape(got, expected.shape, given, name)
    if expected.dtype.kind == "f" and got_array.dtype == bool:
        raise WrongShape(
            f"For {given} it returned True/False values (dtype bool); return numbers, e.g. "
            "turn a comparison into 0.0 and 1.0 with .astype(z.dtype) or np.where."
        )
    if check_dtype and got_array.dtype != expected.dtype:
        raise Incorrect(
            f"For {given} expected {what + 'of ' if what else ''}dtype {expected.dtype}, but got {got_array.dtype}: "
            "keep the input's precision (avoid np.float64(...) and dtype=float)."
        )
    close = np.isclose(got_array, expected, rtol=rtol, atol=atol, equal_nan=True)
    if not close.all():
        bad = np.unravel_index(np.argmax(~close), expected.shape)
        where = f" (at index {tuple(int(i) for i in bad)})" if expected.ndim else ""
        raise Incorrect(
            f"For {given} expected {what}{precise(expected[bad])}{where}, "
            f"but got {precise(got_array[bad])}."
        )
    return got_array


def expect_shape(got: Any, shape: tuple[int, ...], given: str, name: str = "") -> np.ndarray:
    """The learner's answer as an array of the expected ``shape``; raise Incorrect (WrongShape)
    for None, something that is not a number or array, or another shape.
    """
    what = f"{name} " if name else ""
    if got is None:
        raise Incorrect(f"For {given} your function returned None. Did you forget `return`?")
    try:
        got_array = np.asarray(got)  # keeps a float32 result (array or scalar) float32
        if got_array.dtype.kind not in "fiub":
            got_array = got_array.astype(float)
    except (TypeError, ValueError):
        raise Incorrect(
            f"For {given} {what or 'it '}returned {describe(got)}, which is not a number or array."
        ) from None
    if shape == () and got_array.ndim > 0:
        raise WrongShape(
            f"For {given} expected {name + ' to be ' if name else ''}one number, but got an array of shape "
            f"{got_array.shape}."
        )
    if got_array.shape != shape:
        raise WrongShape(
            f"For {given} expected {what or 'an array '}of shape {shape}, "
            f"but got shape {got_array.shape}."
        )
    return got_array


def precise(value: Any) -> str:
    """A number with enough digits to tell it from a close one (12 significant digits)."""
    if isinstance(value, bool | np.bool_):
        return str(bool(value))
    number = float(value)
    return f"{number:.12g}" if math.isfinite(number) else str(number)


def _same(a: Any, b: Any, rtol: float, atol: float = 1e-12) -> bool:
    """True if two answers (arrays or tuples of arrays) agree to ``rtol``."""
    if isinstance(a, tuple | list) or isinstance(b, tuple | list):
        return (
            isinstance(a, tuple | list)
            and isinstance(b, tuple | list)
            and len(a) == len(b)
            and all(_same(x, y, rtol, atol) for x, y in zip(a, b, strict=True))
        )
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return x.shape == y.shape and bool(np.allclose(x, y, rtol=rtol, atol=atol, equal_nan=True))


def diagnose(
    got: Any,
    args: Sequence[Any],
    mistakes: Mistakes,
    rtol: float = 1e-6,
    atol: float = 1e-12,
    expected: Any = None,
    confirm: Callable[[Callable[..., Any]], bool] | None = None,
) -> str:
    """The hint of the first known mistake that reproduces the learner's output, if any.

    A mistake that gives the ``expected`` answer on this case cannot be told apart here: skipped.
    ``confirm(wrong)``, if given, must also hold: the mistake is named only when it reproduces
    the answer on every other case too (see :func:`_reproduces_everywhere`).
    """
    for wrong, message in mistakes:
        try:
            with np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                wrong_answer = _run(wrong, args)
                if expected is not None and _same(wrong_answer, expected, rtol, atol):
                    continue
                if _same(got, wrong_answer, rtol, atol) and (confirm is None or confirm(wrong)):
                    return f" Hint: {message}"
        except Exception:  # a mistake that does not even run on this case is not the one
            continue
    return ""


def _run(function: Callable[..., Any], args: tuple[Any, ...]) -> Any:
    positional, keywords = split(args)
    return function(*copies(positional), **keywords)


def _outcomes(
    answer: Callable[..., Any], reference: Callable[..., Any], cases: Sequence[tuple[Any, ...]]
) -> list[tuple[tuple[Any, ...], Any, Any]]:
    """``(args, the answer's output, the reference's)`` for every case on which the answer runs
    without an exception or a floating-point error (a failing case is reported on its own).
    """
    found = []
    for args in cases:
        try:
            with np.errstate(all="raise"), warnings.catch_warnings():
                warnings.simplefilter("error", RuntimeWarning)
                got = _run(answer, args)
        except Exception:
            continue
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found.append((args, got, _run(reference, args)))
    return found


def _reproduces_everywhere(
    outcomes: list[tuple[tuple[Any, ...], Any, Any]], rtol: float, atol: float
) -> Callable[[Callable[..., Any]], bool]:
    """A ``confirm`` for :func:`diagnose`: does a known mistake give the learner's answer on
    every case (of :func:`_outcomes`) where the mistake runs and differs from the reference?
    ``x * abs(x)`` agrees with ``2 * x`` at x = -2 only: it must not be told "that is x times 2".
    """

    def confirm(wrong: Callable[..., Any]) -> bool:
        for args, got, expected in outcomes:
            tolerances = (max(rtol, 1e-4), 1e-7) if is_float32(args) else (rtol, atol)
            try:  # a mistake that fails on a case says nothing there
                with np.errstate(all="raise"), warnings.catch_warnings():
                    warnings.simplefilter("error", RuntimeWarning)
                    wrong_answer = _run(wrong, args)
            except Exception:
                continue
            if _same(wrong_answer, expected, *tolerances):
                continue
            if not _same(got, wrong_answer, *tolerances):
                return False
        return True

    return confirm


def ratio_hint(got: Any, expected: Any, factors: Mapping[str, float] = {}) -> str:
    """A hint when the answer is the expected value times one telling factor everywhere.

    The factors tried: -1 (a sign), 2 and 1/2, and each named factor (``{"h": 1e-3}``),
    its inverse and its square.
    """
    try:
        g, e = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
    except (TypeError, ValueError):
        return ""
    use = np.isfinite(e) & np.isfinite(g) & (np.abs(e) > 1e-12)
    if g.shape != e.shape or not use.any():
        return ""
    ratio = g[use] / e[use]
    if not np.allclose(ratio, ratio[0], rtol=1e-6):
        return ""
    candidates = [("-1", -1.0, "the sign is flipped"), ("2", 2.0, "a factor 2 too many")]
    candidates.append(("1/2", 0.5, "a factor 2 missing"))
    for name, value in factors.items():
        candidates += [
            (name, value, f"a factor {name} too many"),
            (f"1/{name}", 1 / value, f"a factor {name} missing"),
            (f"{name}²", value**2, f"a factor {name}² too many"),
            (f"1/{name}²", 1 / value**2, f"a factor {name}² missing"),
        ]
    for name, value, meaning in candidates:
        if value != 1 and math.isclose(ratio[0], value, rel_tol=1e-5):
            shown = "" if name in ("-1", "2", "1/2") else f" = {value:.6g}"
            return (
                f" Hint: every value you return is {name}{shown} times the expected one: "
                f"{meaning}. Look at where your formula multiplies or divides (and the brackets)."
            )
    if ratio.size >= 3 and not math.isclose(ratio[0], 1.0, rel_tol=1e-5):
        return (
            f" Hint: every value you return is {ratio[0]:.4g} times the expected one: a constant "
            "factor is off. Check each factor of your formula against the lesson's."
        )
    return ""


def _factor_named(hint: str) -> str:
    """The factor a :func:`ratio_hint` names ("-1", "h²", "0.5"), without its value."""
    return hint.split(" is ", 1)[1].split(" times", 1)[0].split(" = ")[0] if hint else ""


def _same_ratio_everywhere(
    hint: str,
    part: int | None,
    outcomes: list[tuple[tuple[Any, ...], Any, Any]],
    factors: Callable[[tuple[Any, ...]], Mapping[str, float]] | None,
) -> bool:
    """Does the factor a ratio hint names hold on every case of :func:`_outcomes` (where the
    expected value is not all zeros)? ``part`` is the output it was found in, for a tuple
    answer. ``x * abs(x)`` is -1 times x² at x = -2 only: no hint.
    """
    factor = _factor_named(hint)
    for args, got, expected in outcomes:
        if part is not None:
            try:
                got, expected = got[part], expected[part]
            except (TypeError, IndexError, KeyError):
                continue
        try:
            if not np.any(np.abs(np.asarray(expected, dtype=float)) > 1e-12):
                continue
        except (TypeError, ValueError):
            continue
        named = factors(args) if factors else {}
        if _factor_named(ratio_hint(got, expected, named)) != factor:
            return False
    return True


def compare_answer(
    got: Any,
    expected: Any,
    given: str,
    outputs: Sequence[str] | None = None,
    **tolerances: Any,
) -> None:
    """Compare one answer (an array, or a tuple named by ``outputs``) with the expected one."""
    if outputs is None:
        expect_array(got, expected, given, **tolerances)
        return
    if isinstance(got, np.ndarray) or not isinstance(got, tuple | list) or len(got) != len(outputs):
        raise WrongShape(
            f"For {given} it should return {len(outputs)} values ({', '.join(outputs)}), "
            f"but returned {describe(got)}."
        )
    for name, part, want in zip(outputs, got, expected, strict=True):
        expect_array(part, want, given, name=name, **tolerances)


def compare_cases(
    answer: Callable[..., Any],
    reference: Callable[..., Any],
    cases: Sequence[tuple[Any, ...]],
    mistakes: Mistakes = (),
    warning_hint: Callable[[tuple[Any, ...], str], str] | None = None,
    given: Callable[[tuple[Any, ...]], str] | None = None,
    names: Sequence[str] | None = None,
    check_dtype: bool = True,
    rtol: float = 1e-6,
    atol: float = 1e-12,
    float32_rtol: float = 1e-4,
    mistake_rtol: float = 1e-5,
    outputs: Sequence[str] | None = None,
    factors: Callable[[tuple[Any, ...]], Mapping[str, float]] | None = None,
    allow: Sequence[str] = (),
    close_hint: str = "",
    explain: Callable[[tuple[Any, ...], Any], str] | None = None,
    shape_hint: str = "",
) -> None:
    """Call ``answer`` on every case and compare with ``reference``; raise Incorrect if it differs.

    This is the one compare-then-diagnose loop of the course. Float32 cases are compared with
    ``rtol=float32_rtol, atol=1e-7`` and must return float32 (when ``check_dtype``).
    ``warning_hint(args, message)`` adds a hint when the call fails; a wrong result gets the
    hint of the known mistake it matches (to ``mistake_rtol``), else a hint from the ratio to
    the expected value (with the named ``factors(args)``), else ``close_hint`` if the answer is
    close (to 1e-4) but not within the tolerance; ``shape_hint`` follows an answer of the wrong
    kind or shape (a whole array where one number is expected). ``outputs`` names the values of a
    tuple answer. Inputs are named in messages by ``names``, or by the reference's parameters.
    """
    names = list(names) if names is not None else list(inspect.signature(reference).parameters)
    for args in cases:
        positional, keywords = split(args)
        text = (
            given(args)
            if given
            else ", ".join(
                [f"{n} = {describe(a)}" for n, a in zip(names, positional, strict=False)]
                + [f"{n} = {describe(a)}" for n, a in keywords.items()]
            )
        )
        expected = reference(*positional, **keywords)
        given_copies = copies(positional)
        try:
            got = call(answer, *given_copies, names=names, allow=allow, **keywords)
        except Incorrect as error:
            hint = warning_hint(args, str(error)) if warning_hint else ""
            raise Incorrect(f"{error} Hint: {hint}" if hint else str(error)) from None
        unchanged(names, positional, given_copies, text)
        float32 = is_float32(args)
        try:
            compare_answer(
                got,
                expected,
                text,
                outputs,
                rtol=float32_rtol if float32 else rtol,
                atol=1e-7 if float32 else atol,
                check_dtype=check_dtype and float32,
            )
        except Incorrect as error:
            outcomes = _outcomes(answer, reference, cases)  # the evidence for any hint below
            everywhere = _reproduces_everywhere(outcomes, mistake_rtol, min(atol, 1e-12))
            hint = diagnose(
                got, args, mistakes, mistake_rtol, min(atol, 1e-12), expected, everywhere
            )
            if not hint and not isinstance(error, WrongShape):
                parts = zip(got, expected, strict=True) if outputs else [(got, expected)]
                named = factors(args) if factors else {}
                hints = [ratio_hint(g, e, named) for g, e in parts]
                part = next((i for i, h in enumerate(hints) if h), None)
                hint = "" if part is None else hints[part]
                if hint and not _same_ratio_everywhere(
                    hint, part if outputs else None, outcomes, factors
                ):
                    hint = ""
            if not hint and close_hint and _same(got, expected, rtol=1e-4):
                hint = f" Hint: {close_hint}"
            if not hint and explain and not isinstance(error, WrongShape):
                hint = f" {explain(args, got)}"
            if not hint and shape_hint and isinstance(error, WrongShape):
                hint = f" Hint: {shape_hint}"
            raise Incorrect(f"{error}{hint}") from None


def unchanged(
    names: Sequence[str], before: Sequence[Any], after: Sequence[Any], given: str
) -> None:
    """Raise Incorrect if the answer changed an array it was given (its caller's data)."""
    for name, old, new in zip(names, before, after, strict=False):
        if not isinstance(old, np.ndarray) or np.array_equal(old, new, equal_nan=True):
            continue
        moved = np.unravel_index(np.argmax(old != new), old.shape)
        where = list(map(int, moved))
        was, now = float(old[moved]), float(new[moved])
        raise WrongShape(
            f"For {given} your function changed {name}: {name}{where} was {was!r} and is now "
            f"{now!r}, a change of {now - was:.3g}. The caller's {name} must stay as it was: "
            "work on a copy, or save each entry before you change it and put that saved value "
            "back (x + h - h is not always exactly x in floating point)."
        )


def expect_error(
    answer: Callable[..., Any], args: tuple[Any, ...], error: type[Exception], why: str
) -> None:
    """Require ``answer(*args)`` to raise ``error``: bad input gets a clear error. ``why`` says
    what is wrong with ``args``, in the learner's words.
    """
    try:
        result = call(answer, *copies(args), passes=(error,))
    except error:
        return
    raise Incorrect(
        f"For {why}, expected a {error.__name__}, but it returned {describe(result)}. Say so "
        f"with raise {error.__name__}(...)."
    )


def hint_by_message(
    error_hints: Sequence[tuple[str, str]],
) -> Callable[[tuple[Any, ...], str], str]:
    """A ``warning_hint`` for :func:`compare_cases` that picks a hint by a piece of the error's
    text, e.g. ``[("overflow", "subtract each row's maximum first")]``.
    """

    def hint(args: tuple[Any, ...], message: str) -> str:
        return next((text for piece, text in error_hints if piece in message), "")

    return hint
