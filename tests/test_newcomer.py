"""The newcomer's path: the README's set-up commands exist, and `make lab` serves the course."""

from __future__ import annotations

import json
import re
import secrets
import subprocess

from .conftest import ROOT
from .jupyter_server import free_port, isolated_environment, stop, wait_until_answers


def test_readme_setup_commands_are_exactly_makefile_targets():
    readme = (ROOT / "README.md").read_text()
    setup = readme.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```\n(.*?)```", setup, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["make lab", "make test"]
    targets = set(re.findall(r"^([a-z]+):", (ROOT / "Makefile").read_text(), re.M))
    assert {c.split()[1] for c in commands} <= targets
    phony = re.search(r"^\.PHONY:(.*)$", (ROOT / "Makefile").read_text(), re.M).group(1).split()
    assert {"lab", "test"} <= set(phony)


def test_make_lab_serves_the_start_page(tmp_path):
    port, token = free_port(), secrets.token_hex(16)
    env = isolated_environment(tmp_path)
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
    finally:
        stop(lab)
        log.close()
    output = (tmp_path / "lab.log").read_text()
    assert "notebooks/00_start_here.ipynb" in output
    assert f"127.0.0.1:{port}" in output or f"localhost:{port}" in output, output[-2000:]
