"""How an exercise answers back.

A learner writes a function in the exercise notebook and passes it to the check that follows:
``exercises.ex3_2.check(sigmoid_prime)``. The check calls the function on a grid of inputs and
compares what comes back with a reference. There are three outcomes:

* **not attempted**: the function is still the stub, which raises ``NotImplementedError``;
  the check raises it again, so that "Run All" stops at the first open exercise;
* **incorrect**: a message saying which input, what was expected and what came back, with a
  targeted hint when the answer matches a mistake learners often make;
* **correct**.

``hint()`` prints the next hint. The check only sees what it is given, never notebook globals.
"""

from __future__ import annotations

import inspect
import json
import os
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from neuronlab.status import CORRECT, INCORRECT, NOT_ATTEMPTED

Mistakes = Sequence[tuple[Callable[..., Any], str]]  # (wrong answer, the hint it deserves)

LOG_VARIABLE = "NEURONLAB_CHECK_LOG"  # set by `python -m neuronlab check` to collect results


class Incorrect(Exception):
    """Raised inside a test when the learner's answer is wrong; its text is shown to them."""


class NotAttempted(Exception):
    """Raised inside a test when the learner's function is still the stub."""


@dataclass(frozen=True)
class CheckResult:
    """The outcome of checking one answer."""

    exercise_id: str
    status: str
    message: str = ""

    @property
    def correct(self) -> bool:
        return self.status == CORRECT

    def line(self) -> str:
        """One line for the command line: ``1.2 correct`` or ``1.2 incorrect: ...``."""
        text = f"Exercise {self.exercise_id}: {self.status}"
        return f"{text}: {self.message}" if self.status == INCORRECT else text


def call(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call the learner's function; a stub becomes NotAttempted, any other error Incorrect."""
    arguments = ", ".join(
        [describe(a) for a in args] + [f"{k}={describe(v)}" for k, v in kwargs.items()]
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", RuntimeWarning)
            return function(*args, **kwargs)
    except NotImplementedError as error:
        raise NotAttempted(str(error)) from error
    except RuntimeWarning as warning:
        raise Incorrect(f"Calling it with {arguments} gave a warning: {warning}.") from None
    except Exception as error:  # the learner's code may raise anything: report it, don't crash
        raise Incorrect(
            f"Calling it with {arguments} raised {type(error).__name__}: {error}"
        ) from None


def describe(value: Any, limit: int = 70) -> str:
    """A short, one-line description of an input or output for a message."""
    if isinstance(value, np.generic) and value.dtype.kind in "fiub":
        return f"{value.item():.6g}" if value.dtype.kind == "f" else str(value.item())
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, np.ndarray):
        if value.size > 8:
            return f"an array of shape {value.shape}"
        with np.printoptions(precision=4, linewidth=10**6):
            text = np.array2string(value, separator=", ").replace("\n", "")
        return text + (" (float32)" if value.dtype == np.float32 else "")
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def expect_array(
    got: Any,
    expected: np.ndarray,
    given: str,
    rtol: float = 1e-6,
    atol: float = 1e-12,
    check_dtype: bool = False,
) -> np.ndarray:
    """Compare an array the learner returned with the expected one; raise Incorrect if not close.

    ``given`` describes the input in the message (``"z = [-1, 0, 1]"``).
    """
    expected = np.asarray(expected)
    if got is None:
        raise Incorrect(f"For {given} your function returned None. Did you forget `return`?")
    try:
        got_array = np.asarray(got)  # keeps a float32 result (array or scalar) float32
        if got_array.dtype.kind not in "fiub":
            got_array = got_array.astype(float)
    except (TypeError, ValueError):
        raise Incorrect(
            f"For {given} it returned {describe(got)}, which is not a number or array."
        ) from None
    if got_array.shape != expected.shape:
        raise Incorrect(
            f"For {given} expected an array of shape {expected.shape}, but got shape {got_array.shape}."
        )
    if check_dtype and got_array.dtype != expected.dtype:
        raise Incorrect(
            f"For {given} expected dtype {expected.dtype}, but got {got_array.dtype}: "
            "keep the input's precision (avoid np.float64(...) and dtype=float)."
        )
    if not np.allclose(got_array, expected, rtol=rtol, atol=atol, equal_nan=True):
        bad = np.unravel_index(
            np.argmax(~np.isclose(got_array, expected, rtol=rtol, atol=atol, equal_nan=True)),
            expected.shape,
        )
        where = f" (at index {tuple(int(i) for i in bad)})" if expected.ndim else ""
        raise Incorrect(
            f"For {given} expected {describe(expected[bad])}{where}, but got {describe(got_array[bad])}."
        )
    return got_array


@dataclass
class Exercise:
    """One exercise: its id ("3.2"), title, a test that raises Incorrect, and hints."""

    exercise_id: str
    title: str
    test: Callable[[Any], None]
    hints: Sequence[str] = ()
    _hints_shown: int = field(default=0, repr=False)

    def evaluate(self, answer: Any) -> CheckResult:
        """Check an answer without printing: the result, for tools and tests."""
        if answer is Ellipsis or answer is None:
            return CheckResult(self.exercise_id, NOT_ATTEMPTED, "no answer given yet")
        try:
            self.test(answer)
        except NotAttempted as stub:
            return CheckResult(self.exercise_id, NOT_ATTEMPTED, str(stub))
        except Incorrect as mistake:
            return CheckResult(self.exercise_id, INCORRECT, str(mistake))
        return CheckResult(self.exercise_id, CORRECT)

    def check(self, answer: Any) -> None:
        """Check an answer in the notebook and say how it went.

        A stub raises NotImplementedError again, so that running all cells stops here.
        """
        result = self.evaluate(answer)
        _record(result)
        if result.status == NOT_ATTEMPTED:
            raise NotImplementedError(
                f"Exercise {self.exercise_id} ({self.title}) is not attempted yet: replace the `...` "
                "and the `raise` line in the cell above with your answer, run that cell, then this one."
            )
        if result.correct:
            print(f"✅ Exercise {self.exercise_id} ({self.title}): correct. Well done!")
        else:
            print(f"❌ Exercise {self.exercise_id} ({self.title}): not yet. {result.message}")
            print(f"   Need a nudge? Run exercises.ex{self.exercise_id.replace('.', '_')}.hint()")

    def hint(self) -> None:
        """Print the next hint (each call reveals one more)."""
        if not self.hints:
            print(f"Exercise {self.exercise_id} has no hints: re-read the lesson's section on it.")
            return
        index = min(self._hints_shown, len(self.hints) - 1)
        self._hints_shown += 1
        print(
            f"Hint {index + 1} of {len(self.hints)} for exercise {self.exercise_id}: {self.hints[index]}"
        )


def _record(result: CheckResult) -> None:
    """Append the result to the file `python -m neuronlab check` asked for, if it asked."""
    path = os.environ.get(LOG_VARIABLE)
    if path:
        with open(path, "a", encoding="utf-8") as log:
            log.write(
                json.dumps(
                    {"id": result.exercise_id, "status": result.status, "message": result.message}
                )
                + "\n"
            )


def compare_cases(
    answer: Callable[..., Any],
    reference: Callable[..., Any],
    cases: Sequence[tuple[Any, ...]],
    mistakes: Sequence[tuple[Callable[..., Any], str]] = (),
    warning_hint: Callable[[tuple[Any, ...], str], str] | None = None,
    given: Callable[[tuple[Any, ...]], str] | None = None,
    names: Sequence[str] | None = None,
    check_dtype: bool = True,
    rtol: float = 1e-6,
    atol: float = 1e-12,
    float32_rtol: float = 1e-4,
    mistake_rtol: float = 1e-5,
) -> None:
    """Call ``answer`` on every case and compare with ``reference``; raise Incorrect if it differs.

    Float32 cases are compared with ``rtol=float32_rtol, atol=1e-7`` and must return float32
    (when ``check_dtype``). ``warning_hint(args, message)`` may add a hint when the call fails;
    a wrong result gets the hint of the known mistake it matches (to ``mistake_rtol``).
    Inputs are named in messages by ``names``, or by the reference's parameters.
    """
    names = list(names) if names is not None else list(inspect.signature(reference).parameters)
    for args in cases:
        text = (
            given(args)
            if given
            else ", ".join(f"{n} = {describe(a)}" for n, a in zip(names, args, strict=False))
        )
        expected = reference(*args)
        try:
            got = call(answer, *copies(args))
        except Incorrect as error:
            hint = warning_hint(args, str(error)) if warning_hint else ""
            raise Incorrect(f"{error} Hint: {hint}" if hint else str(error)) from None
        float32 = is_float32(args)
        try:
            expect_array(
                got,
                expected,
                text,
                rtol=float32_rtol if float32 else rtol,
                atol=1e-7 if float32 else atol,
                check_dtype=check_dtype and float32,
            )
        except Incorrect as error:
            raise Incorrect(f"{error}{diagnose(got, args, mistakes, rtol=mistake_rtol)}") from None


def hint_by_message(
    error_hints: Sequence[tuple[str, str]],
) -> Callable[[tuple[Any, ...], str], str]:
    """A ``warning_hint`` for :func:`compare_cases` that picks a hint by a piece of the error's
    text, e.g. ``[("overflow", "subtract each row's maximum first")]``.
    """

    def hint(args: tuple[Any, ...], message: str) -> str:
        return next((text for piece, text in error_hints if piece in message), "")

    return hint


def function_exercise(
    exercise_id: str,
    title: str,
    reference: Callable[..., Any],
    cases: Sequence[tuple[Any, ...]],
    mistakes: Sequence[tuple[Callable[..., Any], str]] = (),
    hints: Sequence[str] = (),
    rtol: float = 1e-6,
    atol: float = 1e-12,
    check_dtype: bool = False,
) -> Exercise:
    """An exercise whose answer is a function compared with ``reference`` on every case.

    ``cases`` are argument tuples. ``mistakes`` pairs a known wrong function with the hint to
    show when the learner's answer behaves like it on the failing case.
    """

    def test(answer: Any) -> None:
        if not callable(answer):
            raise Incorrect(
                f"pass your function itself, e.g. check(my_function) without (), "
                f"not {describe(answer)}."
            )
        names = list(inspect.signature(reference).parameters)
        for args in cases:
            given = ", ".join(
                f"{name} = {describe(a)}" for name, a in zip(names, args, strict=False)
            )
            expected = reference(*args)
            got = call(answer, *(a.copy() if isinstance(a, np.ndarray) else a for a in args))
            try:
                expect_array(got, expected, given, rtol=rtol, atol=atol, check_dtype=check_dtype)
            except Incorrect as error:
                raise Incorrect(f"{error}{diagnose(got, args, mistakes)}") from None

    return Exercise(exercise_id, title, test, hints)


def require_callable(answer: Any, example: str) -> None:
    """Refuse a value where a function belongs, with an example of the right call."""
    if not callable(answer):
        raise Incorrect(
            f"pass your function itself, e.g. check({example}) without (), not {describe(answer)}."
        )


def copies(args: tuple[Any, ...]) -> tuple[Any, ...]:
    """The arguments with every array copied, so that an answer cannot change the test's data."""
    return tuple(a.copy() if isinstance(a, np.ndarray) else a for a in args)


def is_float32(args: tuple[Any, ...]) -> bool:
    """True if any argument is a float32 array (then float32 tolerances apply)."""
    return any(isinstance(a, np.ndarray) and a.dtype == np.float32 for a in args)


def diagnose(
    got: Any,
    args: tuple[Any, ...],
    mistakes: Sequence[tuple[Callable[..., Any], str]],
    rtol: float = 1e-6,
) -> str:
    """The hint of the first known mistake that reproduces the learner's output, if any."""
    for wrong, message in mistakes:
        try:
            with np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                wrong_value = np.asarray(wrong(*copies(args)), dtype=float)
                got_value = np.asarray(got, dtype=float)
            if wrong_value.shape == got_value.shape and np.allclose(
                got_value, wrong_value, rtol=rtol, atol=1e-12, equal_nan=True
            ):
                return f" Hint: {message}"
        except Exception:  # a mistake that does not even run on this case is not the one
            continue
    return ""
