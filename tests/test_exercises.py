"""Every check accepts its solution, reports the stub as not attempted, and rejects plausible
wrong answers with the message a learner would see (mutation tests).
"""

from __future__ import annotations

import importlib
import pkgutil
import re

import numpy as np
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
    ("exercise_id", "wrong", "message"),
    [
        pytest.param(eid, wrong, message, id=_mutant_id(eid, wrong, message))
        for eid, cases in WRONG_ANSWERS.items()
        for wrong, message in cases
    ],
)
def test_check_rejects_a_wrong_answer_with_a_specific_message(exercise_id, wrong, message):
    result = ALL[exercise_id].evaluate(wrong)
    assert result.status == "not yet"
    assert message in _without_the_quoted_line(result.message), result.message


def _without_the_quoted_line(message: str) -> str:
    """The message without the learner's own line it quotes: a piece found only there (the wrong
    answer's source, message piece and all) would let a mutation test pass on its own text.
    """
    return re.sub(r" The line that failed: `.*?`\.", "", message)


def test_check_prints_a_verdict_and_hints_come_one_by_one(capsys):
    exercises.ex0_1.check(lambda x: 2 * x)
    assert "not yet" in capsys.readouterr().out
    exercises.ex0_1.check(SOLUTIONS["0.1"])
    assert "correct" in capsys.readouterr().out
    exercises.ex1_1.hint()
    exercises.ex1_1.hint()
    out = capsys.readouterr().out
    assert "Hint 1 of 2" in out
    assert "Hint 2 of 2" in out


def test_passing_a_value_instead_of_a_function_is_explained():
    result = exercises.ex1_1.evaluate(3.0)
    assert result.status == "not yet"
    assert "pass your function itself" in result.message


def test_unknown_exercise_is_named():
    with pytest.raises(AttributeError, match=r"no exercise 10\.99"):
        _ = exercises.ex10_99


# --- The framework: what a learner sees ------------------------------------------------------


def test_a_stub_stops_run_all_with_one_friendly_line():
    with pytest.raises(NotImplementedError) as stop:
        exercises.ex3_1.check(STUBS["3.1"])
    lines = stop.value._render_traceback_()
    assert len(lines) == 1
    assert "not attempted yet" in lines[0]
    assert "replace the `...`" in lines[0]


def test_a_crashing_answer_shows_the_learners_own_line():
    def net_input_batch(X, w, b):
        z = w @ X + b  # the operands swapped
        return z

    message = exercises.ex1_2.evaluate(net_input_batch).message
    assert "a matrix product (`@`) got arrays whose inner sizes do not match" in message
    assert "X of shape (" in message
    assert "w of shape (" in message
    assert "The line that failed: `z = w @ X + b  # the operands swapped`" in message
    assert "gufunc signature" not in message
    assert "checks.py" not in message


def test_a_missing_transpose_in_gradient_descent_is_explained():
    from neuronlab.activations import sigmoid

    def gradient_descent_step(w, b, X, y, learning_rate):
        a = sigmoid(X @ w + b)
        delta = 2 * (a - y) / len(y) * a * (1 - a)
        return w - learning_rate * (X @ delta), b - learning_rate * delta.sum()

    message = exercises.ex4_5.evaluate(gradient_descent_step).message
    assert "inner sizes do not match" in message
    assert "transpose (.T)" in message


def test_python_if_on_an_array_is_explained():
    def sigmoid_derivative_from_output(s):
        if s < 0 or s > 1:
            raise ValueError("not a sigmoid output")
        return s * (1 - s)

    message = exercises.ex4_2.evaluate(sigmoid_derivative_from_output).message
    assert "np.any((s < 0) | (s > 1))" in message
    assert "is ambiguous" not in message


def test_a_missing_bracket_is_recognised_by_its_ratio():
    def centred_gradient(f, v, h):
        grad = np.zeros(len(v))
        for i in range(len(v)):
            e = np.zeros(len(v))
            e[i] = h
            grad[i] = (f(v + e) - f(v - e)) / 2 * h  # the missing bracket: times h, not / h
        return grad

    message = exercises.ex4_3.evaluate(centred_gradient).message
    assert "h² = 0.01 times the expected one" in message


def test_a_changed_x_is_shown_with_enough_digits():
    def gradient_check(f, x, grad, h=1e-5):
        numeric = np.zeros_like(x)
        for i in np.ndindex(x.shape):
            x[i] += h
            f_plus = f(x)
            x[i] -= 2 * h
            f_minus = f(x)
            x[i] += h  # back where it was, up to rounding
            numeric[i] = (f_plus - f_minus) / (2 * h)
        scale = np.maximum(np.abs(grad), np.abs(numeric))
        return float(np.max(np.abs(grad - numeric) / scale))

    message = exercises.ex6_5.evaluate(gradient_check).message
    was, now = message.split(" was ")[1].split(" and is now ")
    assert was != now.split(",")[0], message
    assert "a change of" in message
    assert any("np.ndindex" in hint for hint in exercises.ex6_5.hints)


def test_the_steepness_hint_agrees_with_the_lesson():
    hints = " ".join(exercises.ex3_4.hints)
    assert "farthest" in hints
    assert "closest" not in hints


def _solution_lines(exercise_id: str) -> list[str]:
    from neuronlab.exercises.checks import solution_source

    source = solution_source(exercise_id)
    body = source.split("def ", 1)[-1].splitlines()[1:]
    return [
        line.strip()
        for line in body
        if len(line.strip()) > 20 and not line.strip().startswith(("#", '"""'))
    ]


@pytest.mark.parametrize("exercise_id", sorted(ALL))
def test_no_hint_prints_a_line_of_the_solution(exercise_id):
    hints = " ".join(ALL[exercise_id].hints)
    leaked = [line for line in _solution_lines(exercise_id) if line in hints]
    assert not leaked, f"a hint gives the answer away: {leaked}"


def test_solution_asks_first_and_is_remembered(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NEURONLAB_STATE_DIR", str(tmp_path))
    monkeypatch.setattr("builtins.input", lambda prompt: (_ for _ in ()).throw(EOFError))
    exercises.ex3_1.solution()  # no keyboard: nothing shown
    out = capsys.readouterr().out
    assert "Not shown" in out
    assert "np.exp" not in out
    assert exercises.ex3_1.evaluate(SOLUTIONS["3.1"]).solution_seen is False
    monkeypatch.setattr("builtins.input", lambda prompt: "yes")
    exercises.ex3_1.solution()
    out = capsys.readouterr().out
    assert "e = np.exp(-np.abs(z))" in out
    assert "BEGIN SOLUTION" not in out
    result = exercises.ex3_1.evaluate(SOLUTIONS["3.1"])
    assert result.solution_seen
    assert "(solution seen)" in result.line()


def test_an_import_error_inside_a_lesson_is_not_called_a_missing_exercise(monkeypatch):
    import sys

    monkeypatch.delitem(sys.modules, "neuronlab.exercises.lesson03", raising=False)
    real_import = importlib.import_module

    def broken(name, *args):
        if name == "neuronlab.exercises.lesson03":
            raise ModuleNotFoundError("No module named 'scipy'", name="scipy")
        return real_import(name, *args)

    monkeypatch.setattr(importlib, "import_module", broken)
    with pytest.raises(ModuleNotFoundError, match="scipy"):
        exercises.get("3.1")


def test_every_exercise_cell_imports_what_it_uses():
    # exercise_answers executes each answer cell alone, with no notebook globals: loading them
    # all (as SOLUTIONS does) fails with a NameError for a cell that forgets an import.
    for exercise_id, answer in SOLUTIONS.items():
        assert ALL[exercise_id].evaluate(answer).correct


def _optional_extras() -> list:
    found = []
    for info in sorted(pkgutil.iter_modules(mutants.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{mutants.__name__}.{info.name}")
        for eid, cases in getattr(module, "OPTIONAL_EXTRAS", {}).items():
            found += [pytest.param(eid, w, m, id=_mutant_id(eid, w, m)) for w, m in cases]
    return found


@pytest.mark.parametrize(("exercise_id", "answer", "message"), _optional_extras())
def test_an_optional_extra_is_reported_after_a_correct_verdict(exercise_id, answer, message):
    result = ALL[exercise_id].evaluate(answer)
    assert result.status == "correct"
    assert result.message.startswith("Optional extra:")
    assert message in _without_the_quoted_line(result.message)


def test_each_exercise_draws_its_cases_from_its_own_generator():
    from neuronlab.exercises.checks import seeded

    first, again, other = seeded("4.3"), seeded("4.3"), seeded("4.4")
    assert first.normal() == again.normal() != other.normal()


GENERIC_PIECES = ("expected", "but got", "For ", "Hint:", "Calling it with", "raised")


@pytest.mark.parametrize("exercise_id", sorted(WRONG_ANSWERS))
def test_no_wrong_answer_is_matched_on_a_piece_every_message_contains(exercise_id):
    generic = [m for _, m in WRONG_ANSWERS[exercise_id] if m.strip() in GENERIC_PIECES]
    assert not generic, f"name the mistake, not a phrase every message has: {generic}"


def test_a_broadcasting_error_is_explained():
    def cross_entropy_gradient(z, labels):
        exps = np.exp(z - np.max(z, axis=-1, keepdims=True))
        probabilities = exps / np.sum(exps, axis=-1)  # keepdims forgotten
        return (probabilities - np.eye(z.shape[1])[labels]) / len(z)

    message = exercises.ex10_4.evaluate(cross_entropy_gradient).message
    assert "combined element by element and numpy could not line them up" in message
    assert "keepdims=True" in message


def test_the_exercises_that_keep_a_test_function_are_the_ones_contributing_lists():
    """Every check is a declaration of the framework, except those CONTRIBUTING.md names, with
    a reason, in its table "Exercises that keep a test function".
    """
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text.split("## Exercises that keep a test function", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if re.match(r"\| \d", line)]
    listed = {number for row in rows for number in re.findall(r"\b(\d+\.\d+)\b", row.split("|")[1])}
    # a declaration's test is a function of the framework (checks.py); a custom one is a
    # lesson's own function (or a functools.partial of one)
    custom = {
        exercise_id
        for exercise_id, exercise in ALL.items()
        if getattr(exercise.test, "func", exercise.test).__module__ != "neuronlab.exercises.checks"
    }
    assert custom == listed, (
        f"custom checks {sorted(custom)} but CONTRIBUTING.md lists {sorted(listed)}: list each "
        "custom exercise with its reason, or make it a declaration"
    )


def test_a_right_prediction_is_explained_too(capsys):
    """A right guess may be a lucky one: every predict-then-run question says why it is right."""
    predictions = [e for e in ALL.values() if e.explanation]
    assert len(predictions) >= 9, "a predict-then-run question per lesson from 02 on"
    for exercise in predictions:
        right = solution_answers()[exercise.exercise_id]
        exercise.check(right)
        shown = capsys.readouterr().out
        assert "correct" in shown, exercise.exercise_id
        assert f"Why: {exercise.explanation}" in shown, exercise.exercise_id
