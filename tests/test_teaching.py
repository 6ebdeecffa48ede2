"""What a teacher relies on: a machine-readable progress summary, and clear refusals in the browser."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from neuronlab import __main__ as cli

from .conftest import ROOT


def test_progress_json_reports_every_exercise_of_every_lesson(tmp_path: Path):
    exercises = tmp_path / "exercises"
    exercises.mkdir()
    shutil.copy2(ROOT / "solutions/01_artificial_neuron.ipynb", exercises)  # a learner who is done
    shutil.copy2(ROOT / "exercises/02_step_function_and_perceptron.ipynb", exercises)  # not begun
    result = subprocess.run(
        [sys.executable, "-m", "neuronlab", "progress", "--json", "--dir", str(exercises)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert result.returncode == 1, result.stderr  # not every exercise is correct
    summary = json.loads(result.stdout)  # stdout is the JSON document and nothing else
    assert summary["course"] == "neuronlab"
    first, second = summary["lessons"]
    assert (first["lesson"], second["lesson"]) == ("01", "02")
    assert first["status"] == second["status"] == "checked"
    assert {e["status"] for e in first["exercises"]} == {"correct"}
    assert {e["status"] for e in second["exercises"]} == {"not attempted"}
    assert [e["id"] for e in first["exercises"]] == ["1.1", "1.2", "1.3", "1.4"]
    assert summary["correct"] == len(first["exercises"])
    assert summary["total"] == len(first["exercises"]) + len(second["exercises"])


def test_progress_json_marks_a_notebook_that_cannot_run(tmp_path: Path):
    exercises = tmp_path / "exercises"
    exercises.mkdir()
    (exercises / "01_artificial_neuron.ipynb").write_text("not a notebook", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "neuronlab", "progress", "--json", "--dir", str(exercises)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    (lesson,) = json.loads(result.stdout)["lessons"]
    assert lesson["status"] == "cannot run"
    assert "cannot be read as a notebook" in lesson["error"]
    assert result.returncode == 1


@pytest.mark.parametrize("command", ["check", "progress", "execute"])
def test_kernel_commands_refuse_clearly_in_the_browser(monkeypatch, capsys, command):
    monkeypatch.setattr(sys, "platform", "emscripten")  # what Pyodide reports in JupyterLite
    argv = [command] if command == "progress" else [command, "notebook.ipynb"]
    assert cli.main(argv) == cli.EXIT_UNUSABLE
    assert "exercises.exN_M.check" in capsys.readouterr().err


def test_checking_a_notebook_in_the_browser_says_why_it_cannot(monkeypatch):
    from neuronlab.checking import UnusableNotebook, check_notebook

    monkeypatch.setattr(sys, "platform", "emscripten")
    with pytest.raises(UnusableNotebook, match="JupyterLite"):
        check_notebook(ROOT / "exercises/01_artificial_neuron.ipynb")
