"""The self-checks of every exercise.

In an exercise notebook::

    from neuronlab import exercises
    exercises.ex1_2.check(net_input_batch)   # checks your function
    exercises.ex1_2.hint()                   # one more hint each time
    exercises.ex1_2.solution()               # the solution, after you confirm

Exercise ``N.M`` lives in the module ``lessonNN`` as ``exN_M``; it is imported on first use.
"""

from __future__ import annotations

import importlib
import pkgutil
import re

from neuronlab.exercises.checks import CheckResult, Exercise, Incorrect

__all__ = ["CheckResult", "Exercise", "Incorrect", "all_exercises", "get"]

_NAME = re.compile(r"ex(\d+)_(\d+)")


def get(exercise_id: str) -> Exercise:
    """The exercise with this id, e.g. ``get("3.2")``."""
    lesson, _, number = str(exercise_id).partition(".")
    if not (lesson.isdigit() and number.isdigit()):
        raise ValueError(f"an exercise id looks like '3.2' (lesson.number), not {exercise_id!r}.")
    module_name = f"neuronlab.exercises.lesson{int(lesson):02d}"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:  # the lesson exists but imports something missing
            raise
        raise ValueError(f"there is no exercise {exercise_id} in this course.") from None
    try:
        return getattr(module, f"ex{int(lesson)}_{int(number)}")
    except AttributeError:
        raise ValueError(f"there is no exercise {exercise_id} in this course.") from None


def all_exercises() -> dict[str, Exercise]:
    """Every exercise of the course, by id, in lesson order."""
    found: dict[str, Exercise] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if re.fullmatch(r"lesson\d\d", info.name):
            module = importlib.import_module(f"{__name__}.{info.name}")
            for name, value in sorted(vars(module).items(), key=lambda kv: _order(kv[0])):
                if _NAME.fullmatch(name) and isinstance(value, Exercise):
                    found[value.exercise_id] = value
    return found


def _order(name: str) -> tuple[int, int]:
    match = _NAME.fullmatch(name)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


def __getattr__(name: str) -> Exercise:
    match = _NAME.fullmatch(name)
    if match is None:
        raise AttributeError(f"module 'neuronlab.exercises' has no attribute {name!r}")
    try:
        return get(f"{match.group(1)}.{match.group(2)}")
    except ValueError as error:
        raise AttributeError(str(error)) from None
