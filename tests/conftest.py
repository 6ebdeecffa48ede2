"""Shared test helpers: the course's folders and running notebooks."""

from __future__ import annotations

from pathlib import Path

import nbformat
from hypothesis import settings

# Property tests check values, never speed: no per-example deadline, so that a loaded CI machine
# (two workers, notebook kernels, a browser) cannot turn a slow example into a failure.
settings.register_profile("course", deadline=None)
settings.load_profile("course")

ROOT = Path(__file__).resolve().parents[1]


def course_notebooks(folder: str) -> list[Path]:
    from neuronlab.authoring import course_notebooks as found

    return found(ROOT / folder)


def run_notebook(notebook: nbformat.NotebookNode, cwd: Path, allow_errors: bool = True):
    """Execute a notebook in a fresh kernel of this Python and return it with its outputs."""
    from neuronlab.checking import notebook_client

    notebook_client(notebook, cwd, timeout=120, allow_errors=allow_errors).execute()
    return notebook
