"""The repository: dependencies in step, README in step with the files, lint clean."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from .conftest import ROOT, course_notebooks

# they test Binder, the browser and the in-browser edition; they are not needed to take the course
TEST_TOOLS_NOT_ON_BINDER = {
    "playwright",
    "jupyter-repo2docker",
    "jupyterlite-core",
    "jupyterlite-pyodide-kernel",
    # the website's build and its accessibility test (make site), not needed to take the course
    "myst-nb",
    "sphinx-book-theme",
    "sphinx-mathjax-offline",
    "axe-playwright-python",
}
# the one pin style: "~=X.Y.Z", any later patch release of minor version X.Y
PIN = re.compile(r"([A-Za-z0-9][A-Za-z0-9_.\-]*)~=(\d+)\.(\d+)\.\d+")


def read(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def normalised(name: str) -> str:
    """A package's name as pip compares them: jupyter_client, Jupyter-Client -> jupyter-client."""
    return re.sub(r"[-_.]+", "-", name).lower()


def project() -> dict:
    return tomllib.loads(read("pyproject.toml"))


def declared() -> dict[str, list[str]]:
    """Every requirement of pyproject.toml, by group: dependencies, then each extra."""
    return {"dependencies": project()["project"]["dependencies"]} | project()["project"][
        "optional-dependencies"
    ]


def pinned() -> dict[str, str]:
    """pyproject.toml's requirements as {name: "X.Y"} (each is "name~=X.Y.Z")."""
    versions = {}
    for requirement in [r for group in declared().values() for r in group]:
        match = PIN.fullmatch(requirement)
        assert match, f"{requirement}: write it as name~=X.Y.Z, the pin style of every dependency"
        versions[normalised(match.group(1))] = f"{match.group(2)}.{match.group(3)}"
    return versions


def conda_pins() -> dict[str, str]:
    found = re.findall(r"^\s+- ([A-Za-z0-9_.\-]+)=(\S+)\s*(?:#.*)?$", read("environment.yml"), re.M)
    return {normalised(name): version for name, version in found}


def test_every_requirement_has_the_one_pin_style():
    assert pinned()  # asserts the style of each one


def test_environment_yml_and_pyproject_agree_on_names_and_versions():
    on_binder = {name: v for name, v in pinned().items() if name not in TEST_TOOLS_NOT_ON_BINDER}
    conda = conda_pins()
    assert conda.pop("python") == "3.12"
    assert conda == on_binder


def test_environment_yml_pins_minor_versions_from_conda_forge():
    text = read("environment.yml")
    assert re.search(r"^channels:\n  - conda-forge\n(?!  -)", text, re.M), "conda-forge alone"
    for line in re.findall(r"^\s+- (\S+=\S+)\s*(?:#.*)?$", text, re.M):
        assert re.fullmatch(r"[\w.\-]+=\d+\.\d+", line), f"not a minor-version pin: {line}"


def test_ci_constraints_pin_exact_versions_within_the_declared_ranges():
    lines = [line for line in read(".ci/constraints.txt").splitlines() if line[:1] not in "#"]
    exact = {}
    for line in lines:
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9_.\-]*)==(\S+)", line)
        assert match, f".ci/constraints.txt: {line!r} is not name==version"
        exact[normalised(match.group(1))] = match.group(2)
    for name, minor in pinned().items():
        assert name in exact, f"{name} is declared but CI's constraints do not pin it"
        assert exact[name].startswith(f"{minor}."), f"{name}=={exact[name]} is not {minor}.*"
    assert "neuronlab" not in exact


def test_ci_runs_every_test_with_the_constraints_and_without_skips():
    ci = read(".ci/run")
    assert "make test CONSTRAINTS=.ci/constraints.txt" in ci
    assert "NEURONLAB_BROWSER_TESTS=required" in ci
    assert re.search(r"^test: .*\n\t.*pytest(?!.* -m )", read("Makefile"), re.M), "test selects all"


def test_build_needs_a_setuptools_that_knows_pep_639():
    # `license = "MIT"` and `license-files` came with setuptools 77
    assert project()["build-system"]["requires"] == ["setuptools>=77"]
    assert project()["project"]["license"] == "MIT"


def test_binder_files():
    assert not (ROOT / "binder").exists()
    assert not (ROOT / "runtime.txt").exists()
    post_build = read("postBuild")
    assert "set -e" in post_build
    assert "pip install --no-deps -e ." in post_build


def test_readme_course_map_lists_every_lesson_with_its_twins():
    readme = read("README.md")
    rows = re.findall(r"^\|\s*(\d\d)\s*\|.*$", readme, re.M)
    lessons = [p.name[:2] for p in course_notebooks("notebooks")]
    assert rows == lessons
    for path in course_notebooks("notebooks"):
        for folder in ("notebooks", "exercises", "solutions"):
            assert f"({folder}/{path.name})" in readme, f"README does not link {folder}/{path.name}"


def test_readme_commands_are_makefile_targets():
    readme = read("README.md")
    targets = set(re.findall(r"^([a-z]+):", read("Makefile"), re.M))
    commands = set(re.findall(r"`make ([a-z]+)", readme))
    assert {"lab", "check", "test"} <= commands <= targets


def test_the_repository_refers_to_no_design_outside_it():
    contributing = read("CONTRIBUTING.md")
    assert "../" not in contributing
    assert "shared/" not in contributing
    for heading in ("## The lesson map", "## The layout", "## The notebook contract",
                    "## The exercise contract", "## Upgrading a pinned dependency"):  # fmt: skip
        assert heading in contributing, f"CONTRIBUTING.md has no section {heading!r}"
    lessons = re.findall(r"^\| (\d\d) \|", contributing.split("## The lesson map")[1], re.M)
    assert lessons == [f"{n:02d}" for n in range(len(lessons))], (
        "the map lists 00, 01, ... in order"
    )
    assert {p.name[:2] for p in course_notebooks("notebooks")} <= set(lessons)


TEXT_FILE_CALLS = {"read_text", "write_text", "open"}


def calls_without_encoding(path: Path) -> list[str]:
    """Where a test file reads or writes text without saying its encoding (the default depends on
    the platform: cp1252 on many Windows machines).
    """
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = (
            node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        )
        if name not in TEXT_FILE_CALLS or any(k.arg == "encoding" for k in node.keywords):
            continue
        modes = [
            a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
        ]
        if name == "open" and any("b" in mode for mode in modes):
            continue  # binary
        where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
        found.append(f"{where}:{node.lineno} {name}(...)")
    return found


def test_tests_name_the_encoding_of_every_text_file_they_read_or_write():
    files = sorted((ROOT / "tests").rglob("*.py"))
    assert [call for path in files for call in calls_without_encoding(path)] == []


def test_the_encoding_check_finds_a_read_without_encoding(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from pathlib import Path\nPath('x').read_text()\nopen('y', 'rb')\nopen('z', 'w')\n",
        encoding="utf-8",
    )
    assert calls_without_encoding(sample) == ["sample.py:2 read_text(...)", "sample.py:4 open(...)"]


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
