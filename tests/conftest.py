"""Shared test helpers: the course's folders, running notebooks, the test tiers, and skips."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from hypothesis import settings

# Property tests check values, never speed: no per-example deadline, so that a loaded CI machine
# (two workers, notebook kernels, a browser) cannot turn a slow example into a failure.
settings.register_profile("course", deadline=None)
settings.load_profile("course")

ROOT = Path(__file__).resolve().parents[1]

# CI sets this so that a test which cannot run there fails instead of being skipped.
EVERY_TEST_REQUIRED = os.environ.get("NEURONLAB_BROWSER_TESTS") == "required"

_running: list[pytest.Item] = []  # the test being run, so that helpers can check its tier


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark nbval's notebook cells ``notebook``, so that `make check` leaves them out."""
    for item in items:
        if item.path.suffix == ".ipynb":
            item.add_marker(pytest.mark.notebook)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):
    """Remember the running test while it runs, its fixtures' setup and teardown included."""
    _running.append(item)
    try:
        return (yield)
    finally:
        _running.pop()


def require_tier(marker: str) -> None:
    """Fail a test that does slow work (a kernel, a server) without the mark that keeps it out of
    `make check`: the quick tier stays quick because no test can slip into it unmarked.
    """
    if _running and _running[-1].get_closest_marker(marker) is None:
        pytest.fail(
            f"{_running[-1].nodeid} does the slow work of the {marker!r} tier (a kernel, a "
            f"server) but is not marked @pytest.mark.{marker}, so `make check` would run it"
        )


def cannot_run(reason: str) -> None:
    """Skip a test that this machine cannot run, saying why (CI makes that a failure)."""
    if EVERY_TEST_REQUIRED:
        pytest.fail(f"{reason} (NEURONLAB_BROWSER_TESTS=required: every test must run)")
    pytest.skip(reason)


def require_posix(what: str) -> None:
    """Skip on Windows what needs POSIX process groups (stopping a server and its kernels)."""
    if os.name != "posix":
        cannot_run(f"{what} needs POSIX process groups to stop a server and its kernels")


def course_notebooks(folder: str) -> list[Path]:
    """The course's notebooks in ``folder`` (notebooks, exercises or solutions), in order."""
    from neuronlab.authoring import course_notebooks as found

    return found(ROOT / folder)


def run_notebook(notebook: nbformat.NotebookNode, cwd: Path, allow_errors: bool = True):
    """Execute a notebook in a fresh kernel of this Python and return it with its outputs."""
    from neuronlab.kernels import notebook_client

    require_tier("notebook")
    notebook_client(notebook, cwd, timeout=120, allow_errors=allow_errors).execute()
    return notebook
