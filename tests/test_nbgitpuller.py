"""A class's JupyterHub: the course arrives through an nbgitpuller link, and a second pull keeps
what the learner wrote while bringing the teacher's changes.

A real Jupyter server with the nbgitpuller extension (installed with the test tools) is asked for
its ``git-pull`` endpoint, exactly as a hub user's link does, with a local repository standing in
for the course's public one. Nothing reaches the network.
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
import subprocess
import tempfile
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest

from .conftest import ROOT
from .jupyter_server import free_port, start_lab, stop, wait_until_answers

COURSE = "activation-functions-course"  # the folder the link asks for (targetpath)
LESSON_00 = f"lab/tree/{COURSE}/notebooks/00_start_here.ipynb"


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Teacher", "-c", "user.email=teacher@example.org", *args],
        cwd=cwd, check=True, capture_output=True, text=True, timeout=60,
    ).stdout  # fmt: skip


@pytest.fixture(scope="module")
def hub(tmp_path_factory) -> Iterator[dict]:
    """An upstream course repository and a Jupyter server whose root is a learner's home."""
    base = tmp_path_factory.mktemp("hub")
    upstream, home = base / "upstream", base / "home"
    home.mkdir()
    for folder in ("notebooks", "exercises", "solutions"):
        shutil.copytree(ROOT / folder, upstream / folder)
    shutil.copy2(ROOT / "README.md", upstream)
    git("init", "--quiet", "--initial-branch=main", cwd=upstream)
    git("add", ".", cwd=upstream)
    git("commit", "--quiet", "-m", "the course", cwd=upstream)
    token, port = secrets.token_hex(16), free_port()
    scratch = Path(tempfile.mkdtemp(prefix="neuronlab-hub-"))
    server = start_lab(home, scratch, token, port)
    try:
        wait_until_answers(f"http://127.0.0.1:{port}/api/status?token={token}", server)
        yield {"upstream": upstream, "home": home, "port": port, "token": token}
    finally:
        stop(server)
        shutil.rmtree(scratch, ignore_errors=True)


def link(hub: dict, endpoint: str = "git-pull") -> str:
    """The nbgitpuller link a teacher hands out, pointed at this test's server."""
    query = urllib.parse.urlencode(
        {
            "repo": hub["upstream"].as_uri(),
            "branch": "main",
            "targetpath": COURSE,
            "urlpath": LESSON_00,
            "token": hub["token"],
        }
    )
    return f"http://127.0.0.1:{hub['port']}/{endpoint}?{query}"


def pull(hub: dict) -> list[dict]:
    """What the link's page does in the browser: follow the pull's event stream to its end."""
    with urllib.request.urlopen(link(hub, "git-pull/api"), timeout=120) as response:
        events = [
            json.loads(line[len("data: ") :])
            for line in response.read().decode().splitlines()
            if line.startswith("data: ")
        ]
    assert events and events[-1]["phase"] == "finished", events[-3:]
    return events


def test_the_link_pulls_the_course_and_sends_the_learner_to_lesson_00(hub):
    with urllib.request.urlopen(link(hub), timeout=30) as response:
        page = response.read().decode()
    assert response.status == 200
    # the page's script sends the learner to base_url + data-path once the pull has finished
    redirect = re.search(r'data-path="([^"]*)"', page)
    assert redirect and urllib.parse.unquote(redirect.group(1)) == LESSON_00, page[:600]
    pull(hub)
    course = hub["home"] / COURSE
    assert (course / "notebooks/00_start_here.ipynb").exists()
    assert (course / "exercises/01_artificial_neuron.ipynb").exists()
    assert (
        "00_start_here.ipynb"
        in wait_until_answers(
            f"http://127.0.0.1:{hub['port']}/api/contents/{COURSE}/notebooks?token={hub['token']}",
            process=_NeverExits(),
        ).decode()
    )


def test_a_second_pull_keeps_the_learners_work_and_brings_the_teachers_change(hub):
    course = hub["home"] / COURSE
    if not course.exists():
        pull(hub)
    exercise = course / "exercises/01_artificial_neuron.ipynb"
    work = nbformat.read(exercise, as_version=4)
    work.cells.append(nbformat.v4.new_markdown_cell("My own notes: the bias shifts the line."))
    nbformat.write(work, exercise)

    lesson = hub["upstream"] / "notebooks/01_artificial_neuron.ipynb"
    changed = nbformat.read(lesson, as_version=4)
    changed.cells.insert(1, nbformat.v4.new_markdown_cell("A correction from your teacher."))
    nbformat.write(changed, lesson)
    git("commit", "--quiet", "-am", "lesson 01: a correction", cwd=hub["upstream"])

    pull(hub)
    arrived = nbformat.read(course / "notebooks/01_artificial_neuron.ipynb", as_version=4)
    assert arrived.cells[1].source == "A correction from your teacher."
    kept = nbformat.read(exercise, as_version=4)
    assert kept.cells[-1].source == "My own notes: the bias shifts the line."


class _NeverExits:
    """A stand-in process for ``wait_until_answers`` when polling a server that is already up."""

    returncode = None

    def poll(self) -> None:
        return None
