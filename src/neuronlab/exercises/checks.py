"""How an exercise answers back: one declarative check framework for the whole course.

A learner writes a function in the exercise notebook and passes it to the check that follows:
``exercises.ex3_2.check(sigmoid_neuron)``. An exercise is a *declaration*::

    ex3_3 = function_exercise(
        "3.3", "the logit",
        reference=_logit,                       # what a correct answer returns
        cases=[(0.5,), (np.array([0.1, 0.9]),)],  # argument tuples it is called with
        mistakes=[(lambda p: np.log(p), "ln(p) alone is not enough: ...")],
        hints=["Solve p = 1 / (1 + e^(-z)) for z ...", "..."],
    )

The check calls the answer on every case (on copies of the inputs, with floating-point errors
raised, not silenced) and compares it with the reference. There are three outcomes:

* **not attempted**: the function is still the stub; ``check`` stops "Run All" with one line;
* **not yet**: a message saying which input, what was expected and what came back, with a
  targeted hint when the answer behaves like a known mistake, or is the expected value times a
  telling factor (-1, 2, h, h², n, ...);
* **correct**.

``hint()`` climbs a ladder of hints one rung at a time; ``solution()`` shows the solution, read
from the solutions notebook, after the learner confirms. The check only sees what it is given,
never notebook globals.
"""

from __future__ import annotations

import copy
import inspect
import json
import math
import os
import traceback
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

Mistakes = Sequence[tuple[Callable[..., Any], str]]  # (wrong answer, the hint it deserves)

LOG_VARIABLE = "NEURONLAB_CHECK_LOG"  # set by `python -m neuronlab check` to collect results
STATE_VARIABLE = "NEURONLAB_STATE_DIR"  # where revealed solutions are remembered

CORRECT, NOT_YET, NOT_ATTEMPTED = "correct", "not yet", "not attempted"
INCORRECT = NOT_YET  # the older name of the same outcome

_PACKAGE = str(Path(__file__).resolve().parents[1])


class Incorrect(Exception):
    """Raised inside a test when the learner's answer is wrong; its text is shown to them."""


class WrongShape(Incorrect):
    """An answer of the wrong kind or shape (no ratio to the expected value can be taken)."""


class NotAttempted(Exception):
    """Raised inside a test when the learner's function is still the stub."""


class ExerciseNotAttempted(NotImplementedError):
    """Stops "Run All" at an open exercise; IPython shows only its one friendly line."""

    def _render_traceback_(self) -> list[str]:
        return [f"⏸ {self}"]


# ---------------------------------------------------------------------------------------------
# Results and the exercise object
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckResult:
    """The outcome of checking one answer."""

    exercise_id: str
    status: str
    message: str = ""
    solution_seen: bool = False

    @property
    def correct(self) -> bool:
        return self.status == CORRECT

    def line(self) -> str:
        """One line for the command line: ``1.2: correct`` or ``1.2: not yet: ...``."""
        text = f"Exercise {self.exercise_id}: {self.status}"
        if self.solution_seen:
            text += " (solution seen)"
        return f"{text}: {self.message}" if self.status == NOT_YET else text


def _state_file() -> Path:
    folder = os.environ.get(STATE_VARIABLE) or Path.home() / ".neuronlab"
    return Path(folder) / "solutions_seen.json"


def solutions_seen() -> set[str]:
    """The ids of the exercises whose solution the learner has asked to see."""
    try:
        return set(json.loads(_state_file().read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return set()


def _remember_solution_seen(exercise_id: str) -> None:
    path = _state_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(sorted(solutions_seen() | {exercise_id})), encoding="utf-8")
    except OSError:  # a read-only home must not break the notebook
        pass


@dataclass
class Exercise:
    """One exercise: its id ("3.2"), title, a test that raises Incorrect, and a hint ladder.

    The answer is a function; ``test(answer)`` raises :class:`Incorrect` with the message the
    learner sees. Hints go from a nudge to the last step, never the whole answer.
    """

    exercise_id: str
    title: str
    test: Callable[[Any], None]
    hints: Sequence[str] = ()
    optional: Callable[[Any], None] | None = None  # an extra that a correct answer may miss
    _hints_shown: int = field(default=0, repr=False)

    @property
    def name(self) -> str:
        return "ex" + self.exercise_id.replace(".", "_")

    def evaluate(self, answer: Any) -> CheckResult:
        """Check an answer without printing: the result, for tools and tests."""
        seen = self.exercise_id in solutions_seen()
        if answer is Ellipsis or answer is None:
            return CheckResult(self.exercise_id, NOT_ATTEMPTED, "no answer given yet", seen)
        try:
            if not callable(answer):
                raise Incorrect(
                    f"pass your function itself, e.g. exercises.{self.name}.check(my_function) "
                    f"without () after its name, not {describe(answer)}."
                )
            self.test(answer)
        except NotAttempted as stub:
            return CheckResult(self.exercise_id, NOT_ATTEMPTED, str(stub), seen)
        except Incorrect as mistake:
            return CheckResult(self.exercise_id, NOT_YET, str(mistake), seen)
        try:
            if self.optional is not None:
                self.optional(answer)
        except (Incorrect, NotAttempted) as extra:
            return CheckResult(self.exercise_id, CORRECT, f"Optional extra: {extra}", seen)
        return CheckResult(self.exercise_id, CORRECT, "", seen)

    def check(self, answer: Any) -> None:
        """Check an answer in the notebook and say how it went.

        A stub raises :class:`ExerciseNotAttempted` (a NotImplementedError), so that running
        all cells stops here, with one line instead of a traceback.
        """
        result = self.evaluate(answer)
        _record(result)
        if result.status == NOT_ATTEMPTED:
            raise ExerciseNotAttempted(
                f"Exercise {self.exercise_id} ({self.title}) is not attempted yet: replace the `...` "
                "and the `raise` line in the cell above with your answer, run that cell, then this one."
            )
        if result.correct:
            print(f"✅ Exercise {self.exercise_id} ({self.title}): correct. Well done!")
            if result.message:  # an optional extra the answer does not do yet
                print(f"   {result.message}")
        else:
            print(f"❌ Exercise {self.exercise_id} ({self.title}): not yet. {result.message}")
            print(f"   Need a nudge? Run exercises.{self.name}.hint()")

    def hint(self) -> None:
        """Print the next hint (each call climbs one rung of the ladder)."""
        if not self.hints:
            print(f"Exercise {self.exercise_id} has no hints: re-read the lesson's section on it.")
            return
        index = min(self._hints_shown, len(self.hints) - 1)
        self._hints_shown += 1
        print(
            f"Hint {index + 1} of {len(self.hints)} for exercise {self.exercise_id}: {self.hints[index]}"
        )
        if index == len(self.hints) - 1:
            print(f"   That was the last hint. Still stuck? exercises.{self.name}.solution()")

    def solution(self, confirm: bool | None = None) -> None:
        """Show the solution from the solutions notebook, after the learner confirms.

        ``confirm=True`` skips the question. Without an answer (no keyboard, as in a test)
        nothing is shown. Once shown, checks and ``progress`` say "solution seen".
        """
        if confirm is None:
            try:
                reply = input(
                    f"Show the solution of exercise {self.exercise_id}? You learn most by trying "
                    "first (and the hints come one at a time). Type yes to see it: "
                )
            except (EOFError, OSError, RuntimeError):
                reply = ""
            confirm = reply.strip().lower() in {"y", "yes"}
        if not confirm:
            print(
                f"Not shown. exercises.{self.name}.solution(confirm=True) shows it without asking."
            )
            return
        source = solution_source(self.exercise_id)
        _remember_solution_seen(self.exercise_id)
        print(f"Solution of exercise {self.exercise_id} ({self.title}):\n\n{source}")


def solution_source(exercise_id: str) -> str:
    """The solution cell of an exercise, read from ``solutions/NN_topic.ipynb``, markers removed."""
    from neuronlab.authoring import BEGIN, END, EXERCISE_LINE, course_notebooks

    folder = Path(_PACKAGE).parents[1] / "solutions"
    lesson = int(exercise_id.split(".")[0])
    for path in course_notebooks(folder) if folder.is_dir() else []:
        if int(path.name[:2]) != lesson:
            continue
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            text = "".join(cell["source"])
            match = EXERCISE_LINE.search(text) if cell["cell_type"] == "code" else None
            if match and match.group(1) == exercise_id and BEGIN in text:
                lines = [line for line in text.splitlines() if line.strip() not in (BEGIN, END)]
                return "\n".join(lines)
    return f"(the solutions notebook for lesson {lesson:02d} is not in {folder})"


def _record(result: CheckResult) -> None:
    """Append the result to the file `python -m neuronlab check` asked for, if it asked."""
    path = os.environ.get(LOG_VARIABLE)
    if path:
        entry = {"id": result.exercise_id, "status": result.status, "message": result.message}
        if result.solution_seen:
            entry["solution_seen"] = True
        with open(path, "a", encoding="utf-8") as log:
            log.write(json.dumps(entry) + "\n")


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
    if isinstance(error, FloatingPointError | RuntimeWarning):
        head = f"Calling it with {arguments} gave a floating-point warning: {text}."
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


class Keywords(dict):
    """The last item of a case that passes arguments by name: ``(z, Keywords(slope=0.1))``."""


def split(args: Sequence[Any]) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """A case as positional arguments and keyword arguments."""
    if args and isinstance(args[-1], Keywords):
        return tuple(args[:-1]), dict(args[-1])
    return tuple(args), {}


def copies(args: Sequence[Any]) -> tuple[Any, ...]:
    """The arguments with every array (also inside a list) copied, so that an answer cannot
    change the test's data."""
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
    if got is None:
        raise Incorrect(f"For {given} your function returned None. Did you forget `return`?")
    if expected.dtype == bool and np.asarray(got).dtype != bool:
        raise WrongShape(
            f"For {given} it should return True or False, but returned {describe(got)}."
        )
    try:
        got_array = np.asarray(got)  # keeps a float32 result (array or scalar) float32
        if got_array.dtype.kind not in "fiub":
            got_array = got_array.astype(float)
    except (TypeError, ValueError):
        raise Incorrect(
            f"For {given} {what or 'it '}returned {describe(got)}, which is not a number or array."
        ) from None
    if expected.ndim == 0 and got_array.ndim > 0 and got_array.size > 1:
        raise WrongShape(
            f"For {given} expected {name + ' to be ' if name else ''}one number, but got an array of shape "
            f"{got_array.shape}."
        )
    if got_array.shape != expected.shape:
        raise WrongShape(
            f"For {given} expected {what or 'an array '}of shape {expected.shape}, "
            f"but got shape {got_array.shape}."
        )
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
) -> str:
    """The hint of the first known mistake that reproduces the learner's output, if any.

    A mistake that gives the ``expected`` answer on this case cannot be told apart here: skipped.
    """
    for wrong, message in mistakes:
        try:
            with np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                positional, keywords = split(args)
                wrong_answer = wrong(*copies(positional), **keywords)
                if expected is not None and _same(wrong_answer, expected, rtol, atol):
                    continue
                if _same(got, wrong_answer, rtol, atol):
                    return f" Hint: {message}"
        except Exception:  # a mistake that does not even run on this case is not the one
            continue
    return ""


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
) -> None:
    """Call ``answer`` on every case and compare with ``reference``; raise Incorrect if it differs.

    This is the one compare-then-diagnose loop of the course. Float32 cases are compared with
    ``rtol=float32_rtol, atol=1e-7`` and must return float32 (when ``check_dtype``).
    ``warning_hint(args, message)`` adds a hint when the call fails; a wrong result gets the
    hint of the known mistake it matches (to ``mistake_rtol``), else a hint from the ratio to
    the expected value (with the named ``factors(args)``), else ``close_hint`` if the answer is
    close (to 1e-4) but not within the tolerance. ``outputs`` names the values of a
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
            hint = diagnose(got, args, mistakes, mistake_rtol, min(atol, 1e-12), expected)
            if not hint and not isinstance(error, WrongShape):
                parts = zip(got, expected, strict=True) if outputs else [(got, expected)]
                named = factors(args) if factors else {}
                hint = next((h for g, e in parts if (h := ratio_hint(g, e, named))), "")
            if not hint and close_hint and _same(got, expected, rtol=1e-4):
                hint = f" Hint: {close_hint}"
            if not hint and explain and not isinstance(error, WrongShape):
                hint = f" {explain(args, got)}"
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
    what is wrong with ``args``, in the learner's words."""
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
    text, e.g. ``[("overflow", "subtract each row's maximum first")]``."""

    def hint(args: tuple[Any, ...], message: str) -> str:
        return next((text for piece, text in error_hints if piece in message), "")

    return hint


# ---------------------------------------------------------------------------------------------
# The declaration
# ---------------------------------------------------------------------------------------------


def function_exercise(
    exercise_id: str,
    title: str,
    reference: Callable[..., Any],
    cases: Sequence[tuple[Any, ...]],
    mistakes: Mistakes = (),
    hints: Sequence[str] = (),
    rtol: float = 1e-6,
    atol: float = 1e-12,
    check_dtype: bool = False,
    *,
    outputs: Sequence[str] | None = None,
    names: Sequence[str] | None = None,
    given: Callable[[tuple[Any, ...]], str] | None = None,
    error_hints: Sequence[tuple[str, str]] | Callable[[tuple[Any, ...], str], str] = (),
    factors: Callable[[tuple[Any, ...]], Mapping[str, float]] | None = None,
    prechecks: Sequence[Callable[[Callable[..., Any]], None]] = (),
    postchecks: Sequence[Callable[[Callable[..., Any]], None]] = (),
    float32_rtol: float = 1e-4,
    mistake_rtol: float = 1e-5,
    allow: Sequence[str] = (),
    close_hint: str = "",
    explain: Callable[[tuple[Any, ...], Any], str] | None = None,
) -> Exercise:
    """An exercise whose answer is a function compared with ``reference`` on every case.

    ``cases`` are argument tuples (build them with the exercise's own seeded generator, so that
    changing one exercise never changes another's cases). ``mistakes`` pairs a known wrong
    function with the hint to show when the learner's answer behaves like it. ``outputs`` names
    the values of a tuple answer; ``check_dtype`` requires float32 in, float32 out;
    ``error_hints`` pairs a piece of an error message with a hint; ``prechecks`` run before
    the cases and ``postchecks`` after them (each raises Incorrect); ``allow`` names
    floating-point errors that are not mistakes here; ``close_hint`` is shown when an answer is
    close but not exact (an approximation); ``explain(args, answer)`` adds a sentence when no
    known mistake matches.
    """
    warning_hint = error_hints if callable(error_hints) else hint_by_message(error_hints)

    def test(answer: Any) -> None:
        for precheck in prechecks:
            precheck(answer)
        compare_cases(
            answer,
            reference,
            cases,
            mistakes,
            warning_hint=warning_hint,
            given=given,
            names=names,
            check_dtype=check_dtype,
            rtol=rtol,
            atol=atol,
            float32_rtol=float32_rtol,
            mistake_rtol=mistake_rtol,
            outputs=outputs,
            factors=factors,
            allow=allow,
            close_hint=close_hint,
            explain=explain,
        )
        for postcheck in postchecks:
            postcheck(answer)

    return Exercise(exercise_id, title, test, hints)


def require_callable(answer: Any, example: str) -> None:
    """Refuse a value where a function belongs (``Exercise.evaluate`` does this for every check)."""
    if not callable(answer):
        raise Incorrect(
            f"pass your function itself, e.g. check({example}) without (), not {describe(answer)}."
        )


def seeded(exercise_id: str) -> np.random.Generator:
    """The exercise's own random generator: its cases never depend on another exercise's."""
    lesson, number = (int(part) for part in exercise_id.split("."))
    return np.random.default_rng(1000 * lesson + number)


# ---------------------------------------------------------------------------------------------
# Predict, then run
# ---------------------------------------------------------------------------------------------


def predict_question(
    exercise_id: str,
    title: str,
    answer: Any,
    explanation: str,
    choices: Sequence[str] | None = None,
    rtol: float = 0.1,
    hints: Sequence[str] = (),
) -> Exercise:
    """A predict-then-run question: the learner's function returns a prediction (a number, or
    one of ``choices``), written *before* running the cell that shows the answer.

    A number counts as right within ``rtol``; ``explanation`` is shown with the verdict.
    """

    def test(predict: Any) -> None:
        guess = call(predict)
        if choices is not None:
            if guess not in choices:
                raise Incorrect(
                    f"your prediction is {describe(guess)}; return one of {', '.join(map(repr, choices))}."
                )
            right = guess == answer
        else:
            try:
                number = float(guess)
            except (TypeError, ValueError):
                raise Incorrect(f"your prediction is {describe(guess)}; return a number.") from None
            right = math.isclose(number, float(answer), rel_tol=rtol, abs_tol=1e-12)
        if not right:
            raise Incorrect(
                f"you predicted {describe(guess)}. Run the next cell and compare: {explanation}"
            )

    return Exercise(exercise_id, title, test, hints)
