"""Checking a learner's exercise notebook from the command line.

``python -m neuronlab check exercises/03_sigmoid.ipynb`` runs a *copy* of the notebook in a
fresh kernel (the learner's file is never written), collects the result of every check cell and
prints one line per exercise.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import nbformat

from neuronlab.exercises.checks import LOG_VARIABLE, CheckResult
from neuronlab.kernels import notebook_client
from neuronlab.status import BROWSER_ONLY, CORRECT, NOT_ATTEMPTED, NOT_RUN, NOT_YET

if TYPE_CHECKING:
    pass

CHECK_CALL = re.compile(r"exercises\.ex(\d+)_(\d+)\.check\(")


class UnusableNotebook(Exception):
    """The notebook cannot be checked: missing, not a notebook, or failing before its checks."""


@dataclass
class NotebookReport:
    """The outcome of every exercise in one notebook."""

    path: Path
    results: list[CheckResult] = field(default_factory=list)

    @property
    def all_correct(self) -> bool:
        """Whether the notebook has checks and every one of them is correct."""
        return bool(self.results) and all(r.status == CORRECT for r in self.results)

    def count(self, status: str) -> int:
        """How many exercises have this status (``correct``, ``not attempted``...)."""
        return sum(r.status == status for r in self.results)


def check_cells(notebook: nbformat.NotebookNode) -> dict[int, str]:
    """Index of each code cell that calls a check, with its exercise id."""
    found = {}
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            match = CHECK_CALL.search(cell.source)
            if match:
                found[index] = f"{int(match.group(1))}.{int(match.group(2))}"
    return found


def read_notebook(path: Path) -> nbformat.NotebookNode:
    """Read a notebook, or raise UnusableNotebook saying what is wrong with the file."""
    if not path.exists():
        raise UnusableNotebook(
            f"{path}: no such file. Give the path of an exercise notebook, "
            "e.g. exercises/01_artificial_neuron.ipynb."
        )
    if path.is_dir() or path.suffix != ".ipynb":
        raise UnusableNotebook(f"{path}: not a notebook (.ipynb file).")
    try:
        return nbformat.read(path, as_version=4)
    except Exception as error:
        raise UnusableNotebook(
            f"{path}: cannot be read as a notebook ({error}). If it is "
            "damaged, `python -m neuronlab reset` gives a fresh copy."
        ) from None


def check_notebook(path: Path, timeout: int = 60) -> NotebookReport:
    """Run a copy of the notebook and report each exercise's outcome."""
    if sys.platform == "emscripten":  # Pyodide, in JupyterLite: no subprocesses, no kernels
        raise UnusableNotebook(BROWSER_ONLY)
    notebook = read_notebook(path)
    checks = check_cells(notebook)
    if not checks:
        raise UnusableNotebook(
            f"{path}: has no exercise checks (cells calling exercises.exN_M.check)."
        )
    with tempfile.TemporaryDirectory(prefix="neuronlab-check-") as scratch:
        shutil.copy2(path, Path(scratch) / path.name)
        log = Path(scratch) / "results.jsonl"
        previous = os.environ.get(LOG_VARIABLE)
        os.environ[LOG_VARIABLE] = str(log)
        try:
            notebook_client(notebook, scratch, timeout, allow_errors=True).execute()
        finally:
            if previous is None:
                os.environ.pop(LOG_VARIABLE, None)
            else:
                os.environ[LOG_VARIABLE] = previous
        logged = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    _refuse_failures_outside_checks(path, notebook, checks)
    recorded = {entry["id"]: entry for entry in logged}
    results = []
    for exercise_id in dict.fromkeys(checks.values()):
        entry = recorded.get(exercise_id)
        if entry is None:
            results.append(CheckResult(exercise_id, NOT_RUN, "its check cell did not run"))
        else:
            results.append(
                CheckResult(
                    exercise_id,
                    entry["status"],
                    entry["message"],
                    entry.get("solution_seen", False),
                )
            )
    return NotebookReport(path, results)


def _refuse_failures_outside_checks(
    path: Path, notebook: nbformat.NotebookNode, checks: dict[int, str]
) -> None:
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code" or index in checks:
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                raise UnusableNotebook(
                    f"{path}: cell {index + 1} fails with {output['ename']}: {output['evalue']}. "
                    "Fix that cell (the checks need it), or start again with "
                    f"`python -m neuronlab reset {path}` (your copy is kept as a backup)."
                )


def format_report(report: NotebookReport) -> str:
    """The lines `check` prints for one notebook."""
    lines = [f"{report.path}"]
    for result in report.results:
        lines.append(f"  {result.line()}")
    total = len(report.results)
    lines.append(
        f"  {report.count(CORRECT)} of {total} correct, "
        f"{report.count(NOT_ATTEMPTED)} not attempted."
    )
    not_yet = [r.exercise_id for r in report.results if r.status == NOT_YET]
    if not_yet:
        calls = ", ".join(f"exercises.ex{eid.replace('.', '_')}.hint()" for eid in not_yet)
        lines.append(f"  Not yet right: for a hint, run {calls} in the notebook.")
    return "\n".join(lines)
