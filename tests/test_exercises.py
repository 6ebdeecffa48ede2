"""Every check accepts its solution, reports the stub as not attempted, and rejects plausible
wrong answers with the message a learner would see (mutation tests)."""

from __future__ import annotations

import numpy as np
import pytest

from neuronlab import exercises
from neuronlab.exercises import all_exercises

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


def step(z):
    return np.where(z >= 0, 1.0, 0.0)


# exercise id -> [(wrong answer, a piece of the message the learner must see)]
WRONG_ANSWERS = {
    "0.1": [
        (lambda x: 2 * x, "that is x times 2"),
        (lambda x: abs(x), "absolute value"),
        (lambda x: x**3, "For x = 3 expected 9, but got 27"),
        (lambda x: None, "returned None"),
    ],
    "1.1": [
        (lambda x, w, b: np.dot(w, x), "the bias b is missing"),
        (lambda x, w, b: np.dot(w, x) - b, "added, not subtracted"),
        (lambda x, w, b: np.sum(x) + b, "its own weight"),
        (lambda x, w, b: x * w + b, "then *sum* the products"),
    ],
    "1.2": [
        (lambda X, w, b: X @ w, "the bias b is missing"),
        (lambda X, w, b: np.sum(X * w) + b, "sums over the whole batch"),
        (lambda X, w, b: (X @ w + b).reshape(-1, 1), "not a column"),
        (lambda X, w, b: X.T @ w + b, "raised ValueError"),
    ],
    "1.3": [
        (lambda X, w, b: np.where(X @ w + b > 0, 1.0, 0.0), "use >= 0"),
        (lambda X, w, b: X @ w + b, "that is the net input z"),
        (lambda X, w, b: np.where(X @ w + b >= 0, 0.0, 1.0), "0 and 1 are swapped"),
    ],
    "1.4": [
        (lambda x1, w, b: (w[0] * x1 + b) / w[1], "check the sign"),
        (lambda x1, w, b: -(w[0] * x1) / w[1], "keep b"),
        (lambda x1, w, b: -(w[1] * x1 + b) / w[0], "the weights are swapped"),
    ],
    "2.1": [
        (lambda gate: (np.array([1.0, 1.0]), -1.5), "for OR but the truth table says [0 1 1 1]"),
        (lambda gate: (np.array([1.0, 1.0]), -5.0), "It never fires"),
        (lambda gate: (np.array([1.0, 1.0]), 0.5), "It always fires"),
        (lambda gate: (np.array([-1.0, -1.0]), 1.5), "Every answer is flipped"),
        (lambda gate: [1.0, 1.0, -1.5], "should return (w, b)"),
    ],
    "2.2": [
        (
            lambda x, y, w, b, r: (
                w - r * (y - step(w @ x + b)) * x,
                b - r * (y - step(w @ x + b)),
            ),
            "goes the wrong way",
        ),
        (
            lambda x, y, w, b, r: (w + (y - step(w @ x + b)) * x, b + (y - step(w @ x + b))),
            "learning rate η is missing",
        ),
        (lambda x, y, w, b, r: (w + r * y * x, b + r * y), "not the target y"),
        (lambda x, y, w, b, r: (w + r * (y - step(w @ x + b)) * x, b), "the bias learns too"),
    ],
    "2.3": [
        (lambda w, b, X, y: bool(np.any(step(X @ w + b) == y)), "Every row must be right"),
        (lambda w, b, X, y: bool(np.all(np.where(X @ w + b > 0, 1.0, 0.0) == y)), "use >= 0"),
        (lambda w, b, X, y: float(np.mean(step(X @ w + b) == y)), "return True or False"),
    ],
    "2.4": [
        (lambda X: step(X.sum(axis=1) - 0.5), "that is OR alone"),
        (lambda X: step(X.sum(axis=1) - 1.5), "that is AND"),
        (lambda X: step(-X.sum(axis=1) + 1.5), "that is NAND alone"),
        (
            lambda X: step(X.sum(axis=1) - 0.5) + step(-X.sum(axis=1) + 1.5),
            "through a step with a bias",
        ),
    ],
}


def test_every_exercise_has_at_least_three_wrong_answers():
    missing = {eid for eid in ALL if len(WRONG_ANSWERS.get(eid, [])) < 3}
    assert not missing, f"exercises without 3 mutation tests: {sorted(missing)}"


@pytest.mark.parametrize(
    "exercise_id,wrong,message",
    [(eid, wrong, message) for eid, cases in WRONG_ANSWERS.items() for wrong, message in cases],
)
def test_check_rejects_a_wrong_answer_with_a_specific_message(exercise_id, wrong, message):
    result = ALL[exercise_id].evaluate(wrong)
    assert result.status == "incorrect"
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
    assert result.status == "incorrect" and "pass your function itself" in result.message


def test_unknown_exercise_is_named():
    with pytest.raises(AttributeError, match=r"no exercise 9\.99"):
        _ = exercises.ex9_99
