"""Binder's build: what repo2docker would do with this repository, checked without Docker.

`repo2docker --no-build --debug` prints the Dockerfile it would build. It must install
environment.yml, then copy the repository and run postBuild, and nothing else in the repository
(a stray requirements.txt, a binder/ folder, runtime.txt) may change that.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, cannot_run

BINDER_FILES = ("environment.yml", "postBuild", "pyproject.toml", "README.md", "LICENSE")


pytestmark = pytest.mark.binder


def dockerfile(repo: Path) -> str:
    """The Dockerfile repo2docker would build for ``repo``, with its log."""
    repo2docker = shutil.which("repo2docker", path=str(Path(sys.executable).parent))
    if repo2docker is None:
        cannot_run(
            "jupyter-repo2docker is not installed (Binder's environment leaves it out): "
            "`pip install -e '.[test]'` (or `make test`) installs it"
        )
    command = [repo2docker, "--no-build", "--debug", "--user-id", "1000",
               "--user-name", "jovyan", "."]  # fmt: skip
    result = subprocess.run(command, cwd=repo, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def copy_of_repository(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    files = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    for name in files.stdout.splitlines():
        if (ROOT / name).is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, repo / name)
    return repo


@pytest.fixture(scope="module")
def binder_dockerfile(tmp_path_factory) -> str:
    return dockerfile(copy_of_repository(tmp_path_factory.mktemp("binder")))


def test_environment_yml_is_installed_then_postbuild_runs(binder_dockerfile):
    text = binder_dockerfile
    install = text.index('env update -p ${NB_PYTHON_PREFIX} --file "environment.yml"')
    copy_repo = text.index("COPY --chown=1000:1000 src/ ${REPO_DIR}/")
    post_build = text.index("RUN ./postBuild")
    assert install < copy_repo < post_build


def test_nothing_else_changes_how_binder_builds(binder_dockerfile):
    text = binder_dockerfile
    assert "requirements.txt" not in text
    assert "binder/" not in text
    assert "runtime.txt" not in text
    assert "install.R" not in text
    assert (
        "pip install" not in text.split("RUN ./postBuild")[0].split('--file "environment.yml"')[1]
    )
    for name in ("requirements.txt", "runtime.txt", "Project.toml", "apt.txt", "start"):
        assert not (ROOT / name).exists(), f"{name} would change how Binder builds"
    assert not (ROOT / "binder").exists()
    assert not (ROOT / ".binder").exists()


def test_a_binder_folder_would_be_noticed(tmp_path):
    # the checks above are not vacuous: a binder/ folder makes repo2docker ignore the root's
    # environment.yml, and the Dockerfile shows it
    repo = copy_of_repository(tmp_path)
    (repo / "binder").mkdir()
    (repo / "binder" / "requirements.txt").write_text("numpy\n", encoding="utf-8")
    text = dockerfile(repo)
    assert "binder/" in text or "requirements.txt" in text
    assert '--file "environment.yml"' not in text


def test_postbuild_puts_the_course_settings_where_binders_jupyterlab_reads_them(binder_dockerfile):
    # JupyterLab reads overrides.json from <its environment>/share/jupyter/lab/settings; on Binder
    # that environment is NB_PYTHON_PREFIX, where environment.yml (with jupyterlab) is installed
    assert "ENV NB_PYTHON_PREFIX=" in binder_dockerfile
    assert 'env update -p ${NB_PYTHON_PREFIX} --file "environment.yml"' in binder_dockerfile
    post_build = (ROOT / "postBuild").read_text(encoding="utf-8")
    assert 'settings="${NB_PYTHON_PREFIX:-' in post_build
    assert "/share/jupyter/lab/settings" in post_build
    assert 'cp jupyter-settings/overrides.json "$settings/overrides.json"' in post_build
