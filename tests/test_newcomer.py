"""The newcomer's path: the README's set-up commands exist, and `make lab` serves the course.

`make lab` installs the course alone (no test tools), serves the course folder, and starts
JupyterLab with the course's settings, so that a first start asks no question about news.
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
import subprocess

import pytest

from .conftest import ROOT, cannot_run, require_posix
from .jupyter_server import free_port, isolated_environment, stop, wait_until_answers

NEWS_SETTINGS = "@jupyterlab/apputils-extension:notification"


def makefile() -> str:
    return (ROOT / "Makefile").read_text(encoding="utf-8")


def test_readme_setup_commands_are_exactly_makefile_targets():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```\n(.*?)```", setup, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["make lab", "make test"]
    targets = set(re.findall(r"^([a-z]+):", makefile(), re.M))
    assert {c.split()[1] for c in commands} <= targets
    phony = re.search(r"^\.PHONY:(.*)$", makefile(), re.M).group(1).split()
    assert {"lab", "check", "test"} <= set(phony)


def dry_run(target: str, tmp_path, **variables: str) -> str:
    """The commands `make TARGET` would run in a fresh clone (no .venv yet), without running them."""
    if shutil.which("make") is None:
        cannot_run("`make` is not installed (on Windows, README's Troubleshooting has the steps)")
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy2(ROOT / name, tmp_path / name)
    (tmp_path / "jupyter-settings").mkdir(exist_ok=True)
    shutil.copy2(ROOT / "jupyter-settings/overrides.json", tmp_path / "jupyter-settings")
    settings = [f"{name}={value}" for name, value in variables.items()]
    result = subprocess.run(["make", "-n", target, *settings], cwd=tmp_path, capture_output=True,
                            text=True, timeout=60, check=True)  # fmt: skip
    return result.stdout


def test_make_lab_installs_the_course_alone_and_make_test_adds_the_tools(tmp_path):
    lab = dry_run("lab", tmp_path)
    installs = [line for line in lab.splitlines() if "pip install" in line and "-e" in line]
    assert [line.split()[-1] for line in installs] == ["."], lab
    assert "test" not in " ".join(installs)
    assert "jupyter-settings/overrides.json" in lab
    test = dry_run("test", tmp_path)
    assert "-e '.[test,dev,site]'" in test
    assert "pytest" in test


@pytest.mark.skipif(shutil.which("uname") is None, reason="needs `uname` to know the system")
def test_make_lab_opens_a_browser_unless_linux_has_no_display(tmp_path):
    system = subprocess.run(["uname", "-s"], capture_output=True, text=True).stdout.strip()
    with_display = dry_run("lab", tmp_path, DISPLAY=":0")
    assert "--no-browser" not in with_display
    assert "--no-browser" not in dry_run("lab", tmp_path, WAYLAND_DISPLAY="wayland-0")
    headless = dry_run("lab", tmp_path, DISPLAY="", WAYLAND_DISPLAY="")
    assert ("--no-browser" in headless) == (system == "Linux")


def test_the_course_settings_turn_the_news_prompt_off():
    overrides = json.loads((ROOT / "jupyter-settings/overrides.json").read_text(encoding="utf-8"))
    assert overrides[NEWS_SETTINGS]["fetchNews"] == "false"  # "none" (the default) asks
    post_build = (ROOT / "postBuild").read_text(encoding="utf-8")
    assert "cp jupyter-settings/overrides.json" in post_build  # Binder gets the same file


@pytest.mark.browser
def test_make_lab_serves_the_start_page_without_asking_about_news(tmp_path):
    require_posix("Starting `make lab` in a test")
    if shutil.which("make") is None:
        cannot_run("`make` is not installed")
    port, token = free_port(), secrets.token_hex(16)
    env = isolated_environment(tmp_path, user_settings={})  # a newcomer has no settings yet
    env["JUPYTER_TOKEN"] = token  # the server takes its token from here
    log = open(tmp_path / "lab.log", "wb")  # noqa: SIM115 - closed below
    lab = subprocess.Popen(["make", "lab", f"PORT={port}"], cwd=ROOT, env=env, stdout=log,
                           stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        page = wait_until_answers(
            f"{base}/lab/tree/notebooks/00_start_here.ipynb?token={token}", lab, timeout=300
        )
        assert b"JupyterLab" in page
        content = wait_until_answers(
            f"{base}/api/contents/notebooks/00_start_here.ipynb?token={token}", lab
        )
        first_cell = json.loads(content)["content"]["cells"][0]["source"]
        assert first_cell.startswith("# 00 · Start here")
        news = json.loads(
            wait_until_answers(f"{base}/lab/api/settings/{NEWS_SETTINGS}?token={token}", lab)
        )
    finally:
        stop(lab)
        log.close()
    # what JupyterLab will use: the user's setting, else the default (which the overrides set)
    default = news["schema"]["properties"]["fetchNews"]["default"]
    assert news["settings"].get("fetchNews", default) == "false", news["settings"]
    assert not list((tmp_path / "settings").rglob("*.jupyterlab-settings"))  # nothing written
    output = (tmp_path / "lab.log").read_text(encoding="utf-8")
    assert "notebooks/00_start_here.ipynb" in output
    assert f"127.0.0.1:{port}" in output or f"localhost:{port}" in output, output[-2000:]
