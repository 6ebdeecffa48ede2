"""Every check accepts its solution, reports the stub as not attempted, and rejects plausible
wrong answers with the message a learner would see (mutation tests)."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

from neuronlab import exercises
from neuronlab.exercises import all_exercises

from . import mutants
from .exercise_answers import solution_answers, stub_answers

SOLUTIONS = solution_answers()
STUBS = stub_answers()
ALL = all_exercises()


def test_every_exercise_has_a_solution_and_a_stub():
    assert set(SOLUTIONS) == set(ALL) == set(STUBS)


@pytest.mark.parametrize("exercise_id", sorted(ALL))
def test_check_accepts_the_solution(exercise_id):
    result = ALL[exercise_id].evaluate(SOLUTIONS[exercise_id])
    assert result.status == "correct", result.message


@pytest.mark.parametrize("exercise_id", sorted(ALL))
def test_check_reports_the_stub_as_not_attempted(exercise_id):
    result = ALL[exercise_id].evaluate(STUBS[exercise_id])
    assert result.status == "not attempted"
    with pytest.raises(NotImplementedError, match=f"Exercise {exercise_id}.*not attempted yet"):
        ALL[exercise_id].check(STUBS[exercise_id])


def _wrong_answers() -> dict:
    """Every lesson's mutants: tests/mutants/lessonNN.py, each with a WRONG_ANSWERS dict."""
    found = {}
    for info in sorted(pkgutil.iter_modules(mutants.__path__), key=lambda m: m.name):
        found.update(importlib.import_module(f"{mutants.__name__}.{info.name}").WRONG_ANSWERS)
    return found


WRONG_ANSWERS = _wrong_answers()


def test_every_exercise_has_at_least_three_wrong_answers():
    missing = {eid for eid in ALL if len(WRONG_ANSWERS.get(eid, [])) < 3}
    assert not missing, f"exercises without 3 mutation tests: {sorted(missing)}"


def _mutant_id(exercise_id: str, wrong, message: str) -> str:
    """A test id that names the mistake: the wrong answer's function name, or the message."""
    name = getattr(wrong, "__name__", "<lambda>")
    return f"{exercise_id}-{name if name != '<lambda>' else message}"


@pytest.mark.parametrize(
    "exercise_id,wrong,message",
    [
        pytest.param(eid, wrong, message, id=_mutant_id(eid, wrong, message))
        for eid, cases in WRONG_ANSWERS.items()
        for wrong, message in cases
    ],
)
def test_check_rejects_a_wrong_answer_with_a_specific_message(exercise_id, wrong, message):
    result = ALL[exercise_id].evaluate(wrong)
    assert result.status == "not yet"
    assert message in result.message, result.message


def test_check_prints_a_verdict_and_hints_come_one_by_one(capsys):
    exercises.ex0_1.check(lambda x: 2 * x)
    assert "not yet" in capsys.readouterr().out
    exercises.ex0_1.check(SOLUTIONS["0.1"])
    assert "correct" in capsys.readouterr().out
    exercises.ex1_1.hint()
    exercises.ex1_1.hint()
    out = capsys.readouterr().out
    assert "Hint 1 of 2" in out and "Hint 2 of 2" in out


def test_passing_a_value_instead_of_a_function_is_explained():
    result = exercises.ex1_1.evaluate(3.0)
    assert result.status == "not yet" and "pass your function itself" in result.message


def test_unknown_exercise_is_named():
    with pytest.raises(AttributeError, match=r"no exercise 10\.99"):
        _ = exercises.ex10_99
