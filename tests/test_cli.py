"""The command line: check, progress, reset, exercises and execute, on good and bad input.

The tests marked ``notebook`` start kernels (``check``, ``progress`` and ``execute`` run
notebooks); the others do not.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from neuronlab.checking import check_cells

from .conftest import ROOT, course_notebooks

PYTHON = sys.executable
ANNOUNCEMENT = re.compile(
    r"\[(\d+)/(\d+)\] (?:checking|executing) \S+ \((?:\d+ more after it|the last one)\)"
)


def run(*args: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess:
    """``python -m neuronlab ARGS`` with this Python; ``env`` adds environment variables."""
    return subprocess.run(
        [PYTHON, "-m", "neuronlab", *args],
        cwd=cwd,
        capture_output=True,
        encoding=env.get("PYTHONIOENCODING", "utf-8"),
        timeout=600,
        env=os.environ | {"PYTHONIOENCODING": "utf-8"} | env,
    )


def only_announcements(stderr: str) -> bool:
    """True if stderr holds nothing but the "[3/11] checking NAME (8 more after it)" lines: no
    kernel warning (such as "Kernel is running over TCP without encryption") or other noise.
    """
    lines = stderr.splitlines()
    return bool(lines) and all(ANNOUNCEMENT.match(line) for line in lines)


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A copy of the course's exercises and solutions, for commands that write."""
    for folder in ("exercises", "solutions"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


@pytest.mark.notebook
def test_check_passes_every_solution_and_says_where_it_is():
    solutions = course_notebooks("solutions")
    result = run("check", *(str(p.relative_to(ROOT)) for p in solutions))
    assert result.returncode == 0, result.stdout + result.stderr
    total = 0
    for path in solutions:
        count = len(set(check_cells(nbformat.read(path, as_version=4)).values()))
        assert count > 0, f"{path.name} has no check cells"
        assert f"{path.relative_to(ROOT)}\n" in result.stdout
        assert f"  {count} of {count} correct, 0 not attempted." in result.stdout, path.name
        total += count
    assert len(re.findall(r"^  Exercise \d+\.\d+: correct$", result.stdout, re.M)) == total
    assert only_announcements(result.stderr), result.stderr
    assert f"[{len(solutions)}/{len(solutions)}] checking" in result.stderr
    assert ": not yet" not in result.stdout
    assert ": not attempted" not in result.stdout


@pytest.mark.notebook
def test_check_reports_unsolved_exercises_as_not_attempted():
    before = (ROOT / "exercises/01_artificial_neuron.ipynb").read_bytes()
    result = run("check", "exercises/01_artificial_neuron.ipynb")
    assert result.returncode == 1
    assert result.stderr == "", "no kernel warning, no announcement for a single notebook"
    assert result.stdout.count(": not attempted") == 4
    assert "0 of 4 correct, 4 not attempted" in result.stdout
    assert (ROOT / "exercises/01_artificial_neuron.ipynb").read_bytes() == before, (
        "file was written"
    )


@pytest.mark.notebook
def test_a_wrong_answer_is_reported_with_a_specific_message(course):
    path = course / "exercises/01_artificial_neuron.ipynb"
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if "# Exercise 1.1:" in cell.source:
            cell.source = "# Exercise 1.1: the net inputs of a layer of neurons\nimport numpy as np\n\n\ndef layer_net_inputs(x, W, b):\n    return W @ x\n"
    nbformat.write(notebook, path)
    result = run("check", str(path))
    assert result.returncode == 1
    assert "Exercise 1.1: not yet: For x = [ 0.5, -1.2,  2. ], W = [[ 0.8," in result.stdout
    assert "Not yet right: for a hint, run exercises.ex1_1.hint()" in result.stdout
    assert "the biases are missing" in result.stdout
    assert "Exercise 1.2: not attempted" in result.stdout


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.ipynb", None, "no such file"),
        ("notes.txt", "hello", "not a notebook"),
        ("broken.ipynb", "{not json", "cannot be read as a notebook"),
    ],
)
def test_unusable_input_exits_2_with_a_reason(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = run("check", str(path))
    assert result.returncode == 2
    assert message in result.stderr


@pytest.mark.notebook
def test_a_cell_failing_before_the_checks_exits_2(course):
    path = course / "exercises/01_artificial_neuron.ipynb"
    notebook = nbformat.read(path, as_version=4)
    notebook.cells[1].source += "\nundefined_name"
    nbformat.write(notebook, path)
    result = run("check", str(path))
    assert result.returncode == 2
    assert "cell 2 fails with NameError" in result.stderr
    assert "reset" in result.stderr


@pytest.mark.notebook
def test_progress_prints_nothing_but_the_table_and_says_on_stderr_where_it_is(course):
    result = run("progress", "--dir", str(course / "exercises"))
    assert result.returncode == 1
    paths = course_notebooks("exercises")
    header, *rows, total = result.stdout.splitlines()
    assert header.startswith("lesson")
    assert "✓ correct, ✗ not yet, · not attempted" in header
    assert [row.split()[0] for row in rows] == [p.stem for p in paths]
    assert all(re.fullmatch(r"\S+ +0/\d+ +·+", row) for row in rows), rows
    assert total.startswith("all lessons")
    assert only_announcements(result.stderr), result.stderr
    numbers = [ANNOUNCEMENT.match(line).group(1, 2) for line in result.stderr.splitlines()]
    assert numbers == [(str(n), str(len(paths))) for n in range(1, len(paths) + 1)]


@pytest.mark.notebook
def test_output_never_fails_on_a_cp1252_console(course):
    # a Windows console, or output redirected there, encodes with cp1252: no ✓, ✗, σ or ≤
    folder = course / "two"
    folder.mkdir()
    for name in ("00_start_here.ipynb", "01_artificial_neuron.ipynb"):
        shutil.copy2(course / "exercises" / name, folder / name)
    progress = run("progress", "--dir", str(folder), PYTHONIOENCODING="cp1252")
    assert progress.returncode == 1, progress.stderr
    assert "(+ correct, x not yet, . not attempted, s solution seen)" in progress.stdout
    assert "01_artificial_neuron" in progress.stdout
    assert "0/4     ...." in progress.stdout
    check = run("check", str(folder / "01_artificial_neuron.ipynb"), PYTHONIOENCODING="cp1252")
    assert check.returncode == 1, check.stderr
    assert "0 of 4 correct" in check.stdout


def test_unencodable_text_becomes_a_question_mark_instead_of_an_error():
    code = "from neuronlab.__main__ import never_fail_on_encoding as f; f(); print('σ ≤ ✓ ok')"
    result = subprocess.run([PYTHON, "-c", code], capture_output=True,
                            env=os.environ | {"PYTHONIOENCODING": "cp1252"})  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("cp1252").strip() == "? ? ? ok"


DECOY_KERNEL = {
    "argv": [PYTHON, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
    "display_name": "Decoy: another Python",
    "language": "python",
    "env": {"NEURONLAB_DECOY_KERNEL": "yes"},
}
WHICH_KERNEL = (
    "import os, sys\nprint(os.environ.get('NEURONLAB_DECOY_KERNEL', 'no'), sys.executable)"
)


@pytest.mark.notebook
def test_the_tools_run_this_pythons_kernel_not_a_kernelspec_named_python3(tmp_path):
    # a `python3` kernelspec earlier on the Jupyter path (as `ipykernel install --user` leaves
    # one) that would run the notebook with a marked environment
    kernels = tmp_path / "jupyter" / "kernels" / "python3"
    kernels.mkdir(parents=True)
    (kernels / "kernel.json").write_text(json.dumps(DECOY_KERNEL), encoding="utf-8")
    env = {"JUPYTER_PATH": str(tmp_path / "jupyter")}
    notebook = tmp_path / "which.ipynb"
    nbformat.write(
        nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(WHICH_KERNEL)]), notebook
    )
    # the decoy is real: a client asking for "python3" gets it
    plain = (
        "import nbformat, nbclient, sys\n"
        f"nb = nbformat.read({str(notebook)!r}, as_version=4)\n"
        "nbclient.NotebookClient(nb, kernel_name='python3').execute()\n"
        "print(nb.cells[0].outputs[0]['text'])"
    )
    decoyed = subprocess.run([PYTHON, "-c", plain], capture_output=True, text=True, timeout=120,
                             env=os.environ | env)  # fmt: skip
    assert decoyed.stdout.startswith("yes "), decoyed.stdout + decoyed.stderr
    # ... and `execute` (which check, progress and bench share) does not use it
    result = run("execute", str(notebook), **env)
    assert result.returncode == 0, result.stderr
    output = nbformat.read(notebook, as_version=4).cells[0].outputs[0]["text"]
    assert output == f"no {PYTHON}\n"
    assert only_announcements(result.stderr), result.stderr


def test_progress_without_exercises_says_where_to_run(tmp_path):
    result = run("progress", "--dir", str(tmp_path))
    assert result.returncode == 2
    assert "Run this from the course folder" in result.stderr


def test_reset_keeps_the_learners_notebook_as_a_backup(course):
    path = course / "exercises/00_start_here.ipynb"
    notebook = nbformat.read(path, as_version=4)
    notebook.cells[3].source = notebook.cells[3].source.replace("...", "return x * x")
    nbformat.write(notebook, path)
    mine = path.read_text(encoding="utf-8")
    result = run("reset", str(path))
    assert result.returncode == 0, result.stderr
    backups = list(path.parent.glob("00_start_here.backup-*.ipynb"))
    assert len(backups) == 1
    assert backups[0].read_text(encoding="utf-8") == mine
    assert path.read_text(encoding="utf-8") == read(ROOT / "exercises/00_start_here.ipynb")
    assert "kept as" in result.stdout


def test_reset_refuses_a_notebook_that_is_not_an_exercise(tmp_path):
    result = run("reset", str(tmp_path / "mine.ipynb"))
    assert result.returncode == 2
    assert "not one of the course's exercise notebooks" in result.stderr


def test_exercises_refuses_to_overwrite_a_learners_changes_unless_forced(course):
    path = course / "exercises/01_artificial_neuron.ipynb"
    notebook = nbformat.read(path, as_version=4)
    notebook.cells[3].source += "\n# my notes"
    nbformat.write(notebook, path)
    mine = path.read_text(encoding="utf-8")
    refused = run("exercises", "--root", str(course))
    assert refused.returncode == 1
    assert "left as they are" in refused.stderr
    assert path.read_text(encoding="utf-8") == mine
    forced = run("exercises", "--root", str(course), "--force")
    assert forced.returncode == 0, forced.stderr
    backups = list(path.parent.glob("01_artificial_neuron.backup-*.ipynb"))
    assert len(backups) == 1
    assert backups[0].read_text(encoding="utf-8") == mine
    assert path.read_text(encoding="utf-8") == read(ROOT / "exercises/01_artificial_neuron.ipynb")


def test_exercises_replaces_a_pristine_but_outdated_notebook(course):
    solution = course / "solutions/00_start_here.ipynb"
    notebook = nbformat.read(solution, as_version=4)
    notebook.cells[0].source += "\n\nA new sentence from the author."
    nbformat.write(notebook, solution)
    result = run("exercises", "--root", str(course))
    assert result.returncode == 0, result.stderr
    assert "00_start_here.ipynb: written" in result.stdout
    assert "A new sentence" in read(course / "exercises/00_start_here.ipynb")
    assert not list((course / "exercises").glob("*.backup-*"))
    metadata = json.loads(read(course / "exercises/00_start_here.ipynb"))["metadata"]
    assert metadata["neuronlab"]["generated_from"] == "solutions/00_start_here.ipynb"


def test_exercises_can_regenerate_one_notebook_and_names_an_unknown_one(course):
    result = run("exercises", "--root", str(course), "01_artificial_neuron.ipynb")
    assert result.returncode == 0
    assert result.stdout.count(".ipynb:") == 1
    unknown = run("exercises", "--root", str(course), "99_nothing.ipynb")
    assert unknown.returncode == 2
    assert "no solution notebook named 99_nothing.ipynb" in unknown.stderr
