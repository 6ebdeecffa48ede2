"""The command line: check, progress, reset and exercises, on good and bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from .conftest import ROOT

PYTHON = sys.executable


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, "-m", "neuronlab", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A copy of the course's exercises and solutions, for commands that write."""
    for folder in ("exercises", "solutions"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def test_check_passes_every_solution():
    solutions = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "solutions").glob("0[12]_*.ipynb"))
    result = run("check", *solutions)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count(": correct") == 9
    assert ": not yet" not in result.stdout and ": not attempted" not in result.stdout


def test_check_reports_unsolved_exercises_as_not_attempted():
    before = (ROOT / "exercises/01_artificial_neuron.ipynb").read_bytes()
    result = run("check", "exercises/01_artificial_neuron.ipynb")
    assert result.returncode == 1
    assert result.stdout.count(": not attempted") == 4
    assert "0 of 4 correct, 4 not attempted" in result.stdout
    assert (ROOT / "exercises/01_artificial_neuron.ipynb").read_bytes() == before, (
        "file was written"
    )


def test_a_wrong_answer_is_reported_with_a_specific_message(course):
    path = course / "exercises/01_artificial_neuron.ipynb"
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if "# Exercise 1.1:" in cell.source:
            cell.source = "# Exercise 1.1: the net input of one neuron\nimport numpy as np\n\n\ndef net_input(x, w, b):\n    return np.dot(w, x)\n"
    nbformat.write(notebook, path)
    result = run("check", str(path))
    assert result.returncode == 1
    assert "Exercise 1.1: not yet: For x = [ 0.5, -1.2,  2. ]" in result.stdout
    assert "Not yet right: for a hint, run exercises.ex1_1.hint()" in result.stdout
    assert "the bias b is missing" in result.stdout
    assert "Exercise 1.2: not attempted" in result.stdout


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("missing.ipynb", None, "no such file"),
        ("notes.txt", "hello", "not a notebook"),
        ("broken.ipynb", "{not json", "cannot be read as a notebook"),
    ],
)
def test_unusable_input_exits_2_with_a_reason(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    result = run("check", str(path))
    assert result.returncode == 2 and message in result.stderr


def test_a_cell_failing_before_the_checks_exits_2(course):
    path = course / "exercises/01_artificial_neuron.ipynb"
    notebook = nbformat.read(path, as_version=4)
    notebook.cells[1].source += "\nundefined_name"
    nbformat.write(notebook, path)
    result = run("check", str(path))
    assert result.returncode == 2
    assert "cell 2 fails with NameError" in result.stderr and "reset" in result.stderr


def test_progress_shows_every_lesson(course):
    result = run("progress", "--dir", str(course / "exercises"))
    assert result.returncode == 1
    for path in sorted((course / "exercises").glob("*.ipynb")):
        assert path.stem in result.stdout
    assert "all lessons" in result.stdout


def test_progress_without_exercises_says_where_to_run(tmp_path):
    result = run("progress", "--dir", str(tmp_path))
    assert result.returncode == 2 and "Run this from the course folder" in result.stderr


def test_reset_keeps_the_learners_notebook_as_a_backup(course):
    path = course / "exercises/00_start_here.ipynb"
    notebook = nbformat.read(path, as_version=4)
    notebook.cells[3].source = notebook.cells[3].source.replace("...", "return x * x")
    nbformat.write(notebook, path)
    mine = path.read_text()
    result = run("reset", str(path))
    assert result.returncode == 0, result.stderr
    backups = list(path.parent.glob("00_start_here.backup-*.ipynb"))
    assert len(backups) == 1 and backups[0].read_text() == mine
    assert path.read_text() == (ROOT / "exercises/00_start_here.ipynb").read_text()
    assert "kept as" in result.stdout


def test_reset_refuses_a_notebook_that_is_not_an_exercise(tmp_path):
    result = run("reset", str(tmp_path / "mine.ipynb"))
    assert result.returncode == 2 and "not one of the course's exercise notebooks" in result.stderr


def test_exercises_refuses_to_overwrite_a_learners_changes_unless_forced(course):
    path = course / "exercises/01_artificial_neuron.ipynb"
    notebook = nbformat.read(path, as_version=4)
    notebook.cells[3].source += "\n# my notes"
    nbformat.write(notebook, path)
    mine = path.read_text()
    refused = run("exercises", "--root", str(course))
    assert refused.returncode == 1 and "left as they are" in refused.stderr
    assert path.read_text() == mine
    forced = run("exercises", "--root", str(course), "--force")
    assert forced.returncode == 0, forced.stderr
    backups = list(path.parent.glob("01_artificial_neuron.backup-*.ipynb"))
    assert len(backups) == 1 and backups[0].read_text() == mine
    assert path.read_text() == (ROOT / "exercises/01_artificial_neuron.ipynb").read_text()


def test_exercises_replaces_a_pristine_but_outdated_notebook(course):
    solution = course / "solutions/00_start_here.ipynb"
    notebook = nbformat.read(solution, as_version=4)
    notebook.cells[0].source += "\n\nA new sentence from the author."
    nbformat.write(notebook, solution)
    result = run("exercises", "--root", str(course))
    assert result.returncode == 0, result.stderr
    assert "00_start_here.ipynb: written" in result.stdout
    assert "A new sentence" in (course / "exercises/00_start_here.ipynb").read_text()
    assert not list((course / "exercises").glob("*.backup-*"))
    metadata = json.loads((course / "exercises/00_start_here.ipynb").read_text())["metadata"]
    assert metadata["neuronlab"]["generated_from"] == "solutions/00_start_here.ipynb"


def test_exercises_can_regenerate_one_notebook_and_names_an_unknown_one(course):
    result = run("exercises", "--root", str(course), "01_artificial_neuron.ipynb")
    assert result.returncode == 0 and result.stdout.count(".ipynb:") == 1
    unknown = run("exercises", "--root", str(course), "99_nothing.ipynb")
    assert (
        unknown.returncode == 2 and "no solution notebook named 99_nothing.ipynb" in unknown.stderr
    )
