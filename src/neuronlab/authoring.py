"""Authoring tools: exercises generated from solutions, notebooks executed in a fresh kernel.

``solutions/NN_topic.ipynb`` is the single source of each exercise notebook. In its code cells
the learner's part stands between a line ``### BEGIN SOLUTION`` and a line ``### END SOLUTION``;
each cell with such a part names its exercise in a comment, ``# Exercise 3.2: title``.
The exercise notebook is the same notebook with every such part replaced by a stub, markdown
cells that start with ``<!-- solutions only -->`` dropped, and all outputs cleared.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import shutil
from datetime import datetime
from pathlib import Path

import nbformat
import nbformat.v4

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
SOLUTIONS_ONLY = "<!-- solutions only -->"
EXERCISE_LINE = re.compile(r"#\s*Exercise\s+(\d+\.\d+)\s*:\s*(.+)")
NOTEBOOK_NAME = re.compile(r"\d\d_[a-z0-9_]+\.ipynb")
CELL_TIMEOUT_S = 60


class AuthoringError(ValueError):
    """A solution notebook that cannot be turned into an exercise notebook."""


def stub_cell_source(source: str, where: str) -> str:
    """Replace each marked solution part of one cell's code by a stub naming the exercise."""
    match = EXERCISE_LINE.search(source)
    if match is None:
        raise AuthoringError(
            f"{where}: a cell with {BEGIN!r} must name its exercise in a comment "
            "like '# Exercise 3.2: the sigmoid's derivative'."
        )
    exercise_id, title = match.group(1), match.group(2).strip()
    out: list[str] = []
    inside = False
    for line in source.splitlines():
        marker = line.strip()
        if marker == BEGIN:
            if inside:
                raise AuthoringError(f"{where}: {BEGIN!r} twice without {END!r} between.")
            inside = True
            indent = line[: len(line) - len(line.lstrip())]
            out += [
                f"{indent}# Your code here: replace the next two lines.",
                f"{indent}...",
                f'{indent}raise NotImplementedError("Exercise {exercise_id}: {title}")',
            ]
        elif marker == END:
            if not inside:
                raise AuthoringError(f"{where}: {END!r} without {BEGIN!r} before it.")
            inside = False
        elif not inside:
            out.append(line)
    if inside:
        raise AuthoringError(f"{where}: {BEGIN!r} is never closed by {END!r}.")
    return "\n".join(out)


def cells_fingerprint(notebook: nbformat.NotebookNode) -> str:
    """A hash of the cells' types and sources: what a learner writes, not what a run prints."""
    content = [[cell.cell_type, cell.source] for cell in notebook.cells]
    return hashlib.sha256(json.dumps(content).encode()).hexdigest()


def make_exercise_notebook(
    solution: nbformat.NotebookNode, name: str = "notebook"
) -> nbformat.NotebookNode:
    """The exercise notebook generated from a solution notebook (which is left unchanged)."""
    exercise = copy.deepcopy(solution)
    cells = []
    for index, cell in enumerate(exercise.cells):
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith(SOLUTIONS_ONLY):
            continue
        if cell.cell_type == "code":
            if BEGIN in cell.source or END in cell.source:
                cell.source = stub_cell_source(cell.source, f"{name}, cell {index + 1}")
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)
        cells.append(cell)
    exercise.cells = cells
    exercise.metadata.pop("widgets", None)
    exercise.metadata["neuronlab"] = {
        "generated_from": f"solutions/{name}",
        "cells_sha256": cells_fingerprint(exercise),
    }
    return exercise


def exercise_text(solution_path: Path) -> str:
    """The exact text of the exercise notebook generated from ``solution_path``."""
    solution = nbformat.read(solution_path, as_version=4)
    return nbformat.writes(make_exercise_notebook(solution, solution_path.name)) + "\n"


def learner_changed(path: Path) -> bool:
    """True if the exercise notebook at ``path`` holds edits: its cells no longer match the
    fingerprint written when it was generated (or it has none).
    """
    notebook = nbformat.read(path, as_version=4)
    stored = notebook.metadata.get("neuronlab", {}).get("cells_sha256")
    return stored != cells_fingerprint(notebook)


def backup_path(path: Path) -> Path:
    """Where to keep a learner's copy before replacing it: beside it, dated to the second."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.backup-{stamp}{path.suffix}")
    counter = 1
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.backup-{stamp}-{counter}{path.suffix}")
        counter += 1
    return candidate


def write_exercise(solution_path: Path, exercise_path: Path, force: bool = False) -> str:
    """Regenerate one exercise notebook. Returns what happened: "unchanged", "written",
    "backed up to NAME and written", or "refused" (a learner changed it and force is False).
    """
    text = exercise_text(solution_path)
    if exercise_path.exists():
        if exercise_path.read_text(encoding="utf-8") == text:
            return "unchanged"
        if learner_changed(exercise_path):
            if not force:
                return "refused"
            backup = backup_path(exercise_path)
            shutil.copy2(exercise_path, backup)
            exercise_path.write_text(text, encoding="utf-8")
            return f"backed up to {backup.name} and written"
    exercise_path.parent.mkdir(parents=True, exist_ok=True)
    exercise_path.write_text(text, encoding="utf-8")
    return "written"


def course_notebooks(folder: Path) -> list[Path]:
    """The course's notebooks in a folder (NN_topic.ipynb), in order; backups are left out."""
    return sorted(p for p in folder.glob("*.ipynb") if NOTEBOOK_NAME.fullmatch(p.name))


def execute_notebook(path: Path, timeout: int = CELL_TIMEOUT_S) -> None:
    """Run a notebook top to bottom in a fresh kernel and save it with its outputs.

    Fails (and leaves the file untouched) if any cell raises.
    """
    from neuronlab.kernels import notebook_client

    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.metadata.pop("execution", None)
    notebook.metadata.pop("widgets", None)
    notebook.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
    notebook_client(notebook, path.parent, timeout, record_timing=False).execute()
    notebook.metadata.pop("widgets", None)  # sliders' saved state: large, and not needed
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = [without_widget_view(o) for o in merge_streams(cell.outputs)]
    nbformat.write(notebook, path)


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_PLACEHOLDER = "▶ Run this cell to use the explorer: its sliders need a running kernel."


def without_widget_view(output: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A saved widget points to a model that only lived in the kernel that ran it; opened later
    (or on GitHub) it would show a raw repr. Keep a plain sentence saying what to do instead.
    """
    if WIDGET_VIEW in output.get("data", {}):
        output.data = {"text/plain": WIDGET_PLACEHOLDER}
    return output


def merge_streams(outputs: list) -> list:
    """Join consecutive pieces of the same stream: how a print is split into messages depends on
    timing, and merged outputs keep re-executed notebooks' diffs to what really changed.
    """
    merged: list = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and output.output_type == "stream" == previous.output_type
            and output.name == previous.name
        ):
            previous.text += output.text
        else:
            merged.append(output)
    return merged


def markdown_cell(text: str) -> nbformat.NotebookNode:
    """A markdown cell for :func:`write_notebook`."""
    return nbformat.v4.new_markdown_cell(text.strip("\n"))


def code_cell(text: str) -> nbformat.NotebookNode:
    """A code cell for :func:`write_notebook`."""
    return nbformat.v4.new_code_cell(text.strip("\n"))


def write_notebook(path: Path | str, cells: list[nbformat.NotebookNode]) -> None:
    """Draft a notebook from cells, with stable cell ids; ``make notebooks`` adds its outputs."""
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{index:02d}"
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, str(path))
