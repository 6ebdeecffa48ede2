"""The repository: dependencies in step, README in step with the files, lint clean."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from .conftest import ROOT, course_notebooks


def _name(requirement: str) -> str:
    return re.split(r"[<>=~!\s\[]", requirement.strip(), maxsplit=1)[0].lower()


# they test Binder, the browser and the in-browser edition; they are not needed to take the course
TEST_TOOLS_NOT_ON_BINDER = {
    "playwright",
    "jupyter-repo2docker",
    "jupyterlite-core",
    "jupyterlite-pyodide-kernel",
}


def test_environment_yml_and_pyproject_name_the_same_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    required = project["dependencies"] + project["optional-dependencies"]["test"]
    pip_names = {_name(r) for r in required} - TEST_TOOLS_NOT_ON_BINDER
    conda = re.findall(r"^\s+-\s+([A-Za-z0-9_.\-]+)=", (ROOT / "environment.yml").read_text(), re.M)
    conda_names = {n.lower() for n in conda} - {"python"}
    assert conda_names == pip_names


def test_environment_yml_pins_minor_versions_without_build_strings():
    text = (ROOT / "environment.yml").read_text()
    assert "conda-forge" in text and re.search(r"^\s+- python=3\.12$", text, re.M)
    for line in re.findall(r"^\s+- (\S+=\S+)$", text, re.M):
        assert re.fullmatch(r"[\w.\-]+=\d+\.\d+", line), f"not a minor-version pin: {line}"


def test_binder_files():
    assert not (ROOT / "binder").exists() and not (ROOT / "runtime.txt").exists()
    post_build = (ROOT / "postBuild").read_text()
    assert "set -e" in post_build and "pip install --no-deps -e ." in post_build


def test_readme_course_map_lists_every_lesson_with_its_twins():
    readme = (ROOT / "README.md").read_text()
    rows = re.findall(r"^\|\s*(\d\d)\s*\|.*$", readme, re.M)
    lessons = [p.name[:2] for p in course_notebooks("notebooks")]
    assert rows == lessons
    for path in course_notebooks("notebooks"):
        for folder in ("notebooks", "exercises", "solutions"):
            assert f"({folder}/{path.name})" in readme, f"README does not link {folder}/{path.name}"


def test_readme_commands_are_makefile_targets():
    readme = (ROOT / "README.md").read_text()
    targets = set(re.findall(r"^([a-z]+):", (ROOT / "Makefile").read_text(), re.M))
    commands = set(re.findall(r"`make ([a-z]+)", readme))
    assert {"lab", "test"} <= commands <= targets


def test_ci_runs_make_test():
    assert "make test" in (ROOT / ".ci/run").read_text()


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]])
def test_ruff_is_clean(command):
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent))  # `make test` installs it
    assert ruff, "ruff is missing: install the course with `pip install -e '.[test,dev]'`"
    folders = [
        f
        for f in ("src", "tests", "notebooks", "exercises", "solutions", "bench", "lite")
        if (ROOT / f).exists()
    ]
    result = subprocess.run([ruff, *command, *folders], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
