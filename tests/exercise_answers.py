"""Answers for the exercise tests: each solution's function, its stub, and wrong answers.

The reference answer and the stub are taken from the notebooks themselves (the solution cell and
the generated exercise cell are executed), so the tests check what learners actually see.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from neuronlab.authoring import BEGIN, EXERCISE_LINE, course_notebooks

ROOT = Path(__file__).resolve().parents[1]


def _answer_cells(folder: str) -> dict[str, tuple[str, str]]:
    """Exercise id -> (name of the function the cell defines, the cell's source)."""
    cells = {}
    for path in course_notebooks(ROOT / folder):
        for cell in nbformat.read(path, as_version=4).cells:
            match = EXERCISE_LINE.search(cell.source) if cell.cell_type == "code" else None
            if match and ("raise NotImplementedError" in cell.source or BEGIN in cell.source):
                name = cell.source.split("def ", 1)[1].split("(", 1)[0]
                cells[match.group(1)] = (name, cell.source)
    return cells


def _load(source: str, name: str):
    namespace: dict = {}
    exec(source, namespace)  # the cell alone: it imports what it uses
    return namespace[name]


def solution_answers() -> dict[str, object]:
    return {eid: _load(src, name) for eid, (name, src) in _answer_cells("solutions").items()}


def stub_answers() -> dict[str, object]:
    return {eid: _load(src, name) for eid, (name, src) in _answer_cells("exercises").items()}
