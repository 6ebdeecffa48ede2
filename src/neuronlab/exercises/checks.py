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

This module is the framework's public face: the declarations and the exercise object. The
machinery behind it lives in two small modules, ``_calling`` (calling the learner's function,
explaining its errors) and ``_comparing`` (comparing with the reference, diagnosing mistakes).
"""

from __future__ import annotations

import inspect
import json
import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from neuronlab.exercises._calling import (
    _PACKAGE,
    Incorrect,
    Keywords,
    NotAttempted,
    WrongShape,
    call,
    copies,
    describe,
    explain_error,
    failing_line,
    is_float32,
    split,
)
from neuronlab.exercises._comparing import (
    Mistakes,
    compare_answer,
    compare_cases,
    diagnose,
    expect_array,
    expect_error,
    expect_shape,
    hint_by_message,
    precise,
    ratio_hint,
    unchanged,
)
from neuronlab.gradcheck import numerical_derivative

__all__ = [
    "APPROXIMATION",
    "CORRECT",
    "INCORRECT",
    "LOG_VARIABLE",
    "NOT_ATTEMPTED",
    "NOT_YET",
    "CheckResult",
    "Exercise",
    "ExerciseNotAttempted",
    "Incorrect",
    "Keywords",
    "Mistakes",
    "NotAttempted",
    "WrongShape",
    "avoids_not_silences",
    "call",
    "compare_answer",
    "compare_cases",
    "copies",
    "describe",
    "diagnose",
    "expect_array",
    "expect_error",
    "expect_shape",
    "explain_error",
    "failing_line",
    "function_exercise",
    "hint_by_message",
    "is_float32",
    "precise",
    "predict_question",
    "ratio_hint",
    "require_callable",
    "seeded",
    "slopes_first",
    "solution_source",
    "solutions_seen",
    "split",
    "unchanged",
    "uses_names",
    "written_without",
]

LOG_VARIABLE = "NEURONLAB_CHECK_LOG"  # set by `python -m neuronlab check` to collect results
STATE_VARIABLE = "NEURONLAB_STATE_DIR"  # where revealed solutions are remembered

from neuronlab.status import CORRECT, NOT_ATTEMPTED, NOT_YET  # noqa: E402  (one set of words)

INCORRECT = NOT_YET  # the older name of the same outcome


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
        """Whether the answer was right."""
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
    explanation: str = ""  # why the answer is right, shown with a correct verdict
    _hints_shown: int = field(default=0, repr=False)

    @property
    def name(self) -> str:
        """The attribute the exercise is reached by: ``ex3_2`` for ``3.2``."""
        return "ex" + self.exercise_id.replace(".", "_")

    def evaluate(self, answer: Any) -> CheckResult:
        """Check an answer without printing: the result, for tools and tests."""
        seen = self.exercise_id in solutions_seen()
        if answer is Ellipsis or answer is None:
            return CheckResult(self.exercise_id, NOT_ATTEMPTED, "no answer given yet", seen)
        try:
            require_callable(answer, f"exercises.{self.name}.check(my_function)")
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
            if self.explanation:  # a right prediction may be a lucky one: say why it is right
                print(f"   Why: {self.explanation}")
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
    """The solution cell of an exercise, read from ``solutions/NN_topic.ipynb``, markers removed.

    The folder is looked for beside the package's source (a clone of the course), then beside
    the current folder (a notebook running in ``exercises/``, as in the browser-only edition).
    """
    from neuronlab.authoring import BEGIN, END, EXERCISE_LINE, course_notebooks

    lesson = int(exercise_id.split(".")[0])
    places = [Path(_PACKAGE).parents[1], Path.cwd(), Path.cwd().parent]
    folders = [place / "solutions" for place in places if (place / "solutions").is_dir()]
    for path in course_notebooks(folders[0]) if folders else []:
        if int(path.name[:2]) != lesson:
            continue
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            text = "".join(cell["source"])
            match = EXERCISE_LINE.search(text) if cell["cell_type"] == "code" else None
            if match and match.group(1) == exercise_id and BEGIN in text:
                lines = [line for line in text.splitlines() if line.strip() not in (BEGIN, END)]
                return "\n".join(lines)
    return f"(the course's solutions/ folder with lesson {lesson:02d} was not found)"


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
# The declaration
# ---------------------------------------------------------------------------------------------


APPROXIMATION = (
    "your answer agrees with the exact one to 4 or more digits, but not to 12: that looks like a "
    "numerical approximation (finite differences), not the exact rule. Apply the chain rule step "
    "by step: it is exact."
)


def function_exercise(
    exercise_id: str,
    title: str,
    reference: Callable[..., Any],
    cases: Sequence[tuple[Any, ...]],
    mistakes: Mistakes = (),
    hints: Sequence[str] = (),
    *,
    error_hints: Sequence[tuple[str, str]] | Callable[[tuple[Any, ...], str], str] = (),
    prechecks: Sequence[Callable[[Callable[..., Any]], None]] = (),
    postchecks: Sequence[Callable[[Callable[..., Any]], None]] = (),
    exact: bool = False,
    optional: Callable[[Any], None] | None = None,
    **options: Any,
) -> Exercise:
    """An exercise whose answer is a function compared with ``reference`` on every case.

    ``cases`` are argument tuples (build them with the exercise's own seeded generator, so that
    changing one exercise never changes another's cases). ``mistakes`` pairs a known wrong
    function with the hint to show when the learner's answer behaves like it. ``error_hints``
    pairs a piece of an error message with a hint (or is a function ``(args, message) -> hint``);
    ``prechecks`` run before the cases and ``postchecks`` after them (each raises Incorrect);
    ``exact`` asks for 12 significant digits, which finite differences cannot reach, and names
    an answer that is close but not exact as an approximation; ``optional`` is an extra a
    correct answer may still miss. The other ``options`` go to :func:`compare_cases`: ``rtol``,
    ``atol``, ``check_dtype`` (float32 in, float32 out), ``outputs`` (the names of a tuple
    answer's values), ``names``, ``given``, ``factors``, ``allow``, ``close_hint``, ``explain``.
    """
    warning_hint = error_hints if callable(error_hints) else hint_by_message(error_hints)
    if exact:
        options = {"rtol": 1e-12, "atol": 1e-15, "close_hint": APPROXIMATION, **options}
    options.setdefault("check_dtype", False)

    def test(answer: Any) -> None:
        for precheck in prechecks:
            precheck(answer)
        compare_cases(answer, reference, cases, mistakes, warning_hint=warning_hint, **options)
        for postcheck in postchecks:
            postcheck(answer)

    return Exercise(exercise_id, title, test, hints, optional)


def slopes_first(
    name: str,
    function: Callable[..., Any],
    cases: Sequence[tuple[Any, ...]],
    mistakes: Mistakes = (),
    rtol: float = 1e-5,
    atol: float = 1e-6,
    *,
    from_output: Callable[[Any], Any] | None = None,
) -> Callable[[Callable[..., Any]], None]:
    """A precheck for a derivative: first compare it with the slope of ``function`` measured by
    centred finite differences, (f(z + h) - f(z - h)) / 2h, on ``cases`` (what a derivative
    *is*), before the exact values. A case may end with :class:`Keywords` for ``function``;
    arguments after z (the k of σ(kz)) go to ``function`` too and are named in the message.

    ``from_output`` is for a derivative written in terms of an output s instead of z (σ''
    from s = σ(z)): the cases hold s, and ``from_output(s)`` is the z where the slope is measured.
    """
    z_of = from_output if from_output is not None else (lambda z: z)
    try:
        extra_names = list(inspect.signature(function).parameters)[1:]
    except (TypeError, ValueError):  # a numpy ufunc has no signature to read
        extra_names = []

    def measured(z: Any, *rest: Any, **keywords: Any) -> Any:
        return numerical_derivative(lambda t: function(t, *rest, **keywords), z_of(z))

    def given(args: tuple[Any, ...]) -> str:
        positional, _ = split(args)
        at = f"z = {describe(positional[0])}"
        if from_output is not None:
            at = f"s = {describe(positional[0])}, the output at z = {describe(z_of(positional[0]))}"
        named = zip(extra_names, positional[1:], strict=False)
        at += "".join(f", {n} = {describe(a)}" for n, a in named)
        return (
            f"{at} (the slope of {name} measured with centred finite differences, "
            "(f(z + h) - f(z - h)) / 2h)"
        )

    def precheck(answer: Any) -> None:
        compare_cases(answer, measured, cases, mistakes, given=given, rtol=rtol, atol=atol)

    return precheck


def require_callable(answer: Any, example: str) -> None:
    """Refuse a value where a function belongs: ``Exercise.evaluate`` does this for every check,
    so a test never needs to. ``example`` is a call that passes a function, or a function's name.
    """
    if not callable(answer):
        call_text = example if "(" in example else f"check({example})"
        raise Incorrect(
            f"pass your function itself, e.g. {call_text} without () after its name, "
            f"not {describe(answer)}."
        )


def written_without(*functions: Callable[..., Any]) -> Callable[[Any], None]:
    """A precheck that refuses an answer calling one of the package's ``functions``, the very
    one the exercise asks the learner to write (``from neuronlab.activations import step``).
    """
    import types

    def precheck(answer: Any) -> None:
        code = getattr(answer, "__code__", None)
        if code is None:
            return
        names = _code_names(code)
        scope = getattr(answer, "__globals__", {})
        from_package = any(n.startswith("neuronlab") for n in names) or any(
            isinstance(scope.get(n), types.ModuleType) and scope[n].__name__.startswith("neuronlab")
            for n in names
        )
        for function in functions:
            if any(scope.get(n) is function for n in names) or (
                from_package and function.__name__ in names
            ):
                raise Incorrect(
                    f"your function calls the course's own {function.__name__} from "
                    f"{function.__module__}: the exercise is to write it yourself, with numpy."
                )

    return precheck


_SILENCERS = {"errstate", "seterr", "simplefilter", "filterwarnings", "catch_warnings"}


def avoids_not_silences(answer: Any) -> None:
    """A precheck that refuses an answer hiding floating-point warnings (``np.errstate``,
    ``warnings.simplefilter``...) where the exercise asks it to avoid them: a silenced overflow
    may still leave a wrong number, and the check cannot see it once it is hidden.
    """
    found = uses_names(answer, _SILENCERS)
    if found:
        raise Incorrect(
            f"the overflow was silenced, not avoided: your function uses {', '.join(found)}, "
            "which hides numpy's warnings instead of preventing them. Remove it and make sure "
            "np.exp only ever gets numbers <= 0."
        )


def uses_names(answer: Any, names: set[str]) -> list[str]:
    """Which of ``names`` the answer's code uses (as a global or an attribute: ``np.where``
    counts as ``where``), sorted; an answer that is not plain Python code uses none.
    """
    code = getattr(answer, "__code__", None)
    return sorted(_code_names(code) & names) if code is not None else []


def _code_names(code: Any) -> set[str]:
    """Every global and attribute name a function's code (and the code nested in it) uses."""
    import types

    found = set(code.co_names)
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            found |= _code_names(constant)
    return found


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

    A number counts as right within ``rtol``; ``explanation`` is shown with every verdict, right
    or wrong (a right guess may be a lucky one, and then learns why).
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

    return Exercise(exercise_id, title, test, hints, explanation=explanation)
