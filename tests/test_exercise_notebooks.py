"""Exercise notebooks: generated from the solutions, in sync, and failing only at their checks."""

from __future__ import annotations

import re

import nbformat
import pytest

from neuronlab.authoring import exercise_text, make_exercise_notebook, stub_cell_source
from neuronlab.checking import check_cells

from .conftest import ROOT, course_notebooks, run_notebook

EXERCISES = course_notebooks("exercises")


def test_every_solution_has_an_exercise_and_a_lesson():
    names = [p.name for p in course_notebooks("solutions")]
    assert names == [p.name for p in EXERCISES] == [p.name for p in course_notebooks("notebooks")]


@pytest.mark.parametrize("path", course_notebooks("solutions"), ids=lambda p: p.name)
def test_committed_exercises_equal_the_regenerated_ones(path):
    committed = (ROOT / "exercises" / path.name).read_text(encoding="utf-8")
    assert committed == exercise_text(path), "run `make exercises` and commit the result"


@pytest.mark.notebook
@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.name)
def test_unmodified_exercise_fails_exactly_at_its_check_cells(path):
    notebook = nbformat.read(path, as_version=4)
    assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code"), (
        "outputs kept"
    )
    checks = check_cells(notebook)
    assert checks, "an exercise notebook without checks"
    run_notebook(notebook, path.parent)
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        errors = [o for o in cell.outputs if o.output_type == "error"]
        if index in checks:
            assert len(errors) == 1, f"cell {index + 1} should fail with the stub's error"
            assert (
                errors[0].ename == "ExerciseNotAttempted"
            )  # a NotImplementedError, shown in one line
            assert f"Exercise {checks[index]}" in errors[0].evalue
            assert len(errors[0].traceback) == 1, "the stub should stop Run All with one line"
        else:
            assert not errors, f"cell {index + 1} fails: {errors[0].ename}: {errors[0].evalue}"


def test_stub_replaces_only_the_marked_part_and_names_the_exercise():
    source = "# Exercise 3.2: the slope\ndef f(z):\n    a = 1\n    ### BEGIN SOLUTION\n    return a * z\n    ### END SOLUTION\n"
    stub = stub_cell_source(source, "test")
    assert "return a * z" not in stub
    assert "a = 1" in stub
    assert 'raise NotImplementedError("Exercise 3.2: the slope")' in stub
    assert re.search(r"^    \.\.\.$", stub, flags=re.M)


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        (
            "def f():\n    ### BEGIN SOLUTION\n    return 1\n    ### END SOLUTION",
            "must name its exercise",
        ),
        ("# Exercise 1.1: x\n    ### BEGIN SOLUTION\n    return 1\n", "never closed"),
        ("# Exercise 1.1: x\n    ### END SOLUTION\n", "without"),
    ],
)
def test_badly_marked_solution_cells_are_refused(source, problem):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    with pytest.raises(ValueError, match=problem):
        make_exercise_notebook(notebook, "bad.ipynb")


def test_solutions_only_markdown_is_dropped_and_outputs_cleared():
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("<!-- solutions only -->\nThe answer is 42."),
            nbformat.v4.new_code_cell(
                "print(1)",
                outputs=[nbformat.v4.new_output("stream", text="1\n")],
                execution_count=1,
            ),
        ]
    )
    exercise = make_exercise_notebook(notebook, "x.ipynb")
    assert len(exercise.cells) == 1
    assert exercise.cells[0].outputs == []
    assert exercise.cells[0].execution_count is None
    assert len(notebook.cells) == 2, "the solution notebook itself is left unchanged"


def test_merge_streams_joins_consecutive_pieces_of_one_stream():
    from neuronlab.authoring import merge_streams

    out = nbformat.v4.new_output
    pieces = [out("stream", name="stdout", text="a\n"), out("stream", name="stdout", text="b\n"),
              out("stream", name="stderr", text="warning\n"), out("stream", name="stdout", text="c\n")]  # fmt: skip
    merged = merge_streams(pieces)
    assert [(o.name, o.text) for o in merged] == [
        ("stdout", "a\nb\n"),
        ("stderr", "warning\n"),
        ("stdout", "c\n"),
    ]
