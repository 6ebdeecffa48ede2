"""The in-browser edition (JupyterLite), as far as this machine can test it.

Tested here: ``lite/build.py`` (``make lite``) builds offline and passes ``jupyter lite check``;
the site holds every lesson, exercise and solution notebook, lessons and solutions published
read-only and exercises writable, an install cell in each notebook, and a valid wheel of the course
with every module; in headless Chromium, served from 127.0.0.1, JupyterLab loads with the course's
folders listed, and opening a lesson starts the Pyodide kernel, which requests its runtime from the
configured Pyodide location.

Not tested here: Python actually running in the browser. Pyodide's runtime is downloaded by the
learner's browser (from its CDN by default), and nothing may be fetched from the internet here,
so the test blocks that request after seeing it.
"""

from __future__ import annotations

import functools
import http.server
import json
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest

from .conftest import ROOT, course_notebooks
from .test_browser import CHROMIUM_FLAGS, _chromium

PACKAGE_MODULES = sorted(
    f"neuronlab/{p.relative_to(ROOT / 'src/neuronlab').as_posix()}"
    for p in (ROOT / "src/neuronlab").rglob("*.py")
)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("lite") / "site"
    result = subprocess.run(
        [sys.executable, str(ROOT / "lite/build.py"), "--output-dir", str(output)],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return output


def listing(site: Path, folder: str) -> dict[str, bool]:
    data = json.loads((site / "api/contents" / folder / "all.json").read_text(encoding="utf-8"))
    return {entry["name"]: entry["writable"] for entry in data["content"]}


@pytest.mark.parametrize(
    ("folder", "writable"), [("notebooks", False), ("solutions", False), ("exercises", True)]
)
def test_every_notebook_is_published_with_the_right_permission(site, folder, writable):
    published = listing(site, folder)
    assert sorted(published) == [p.name for p in course_notebooks(folder)]
    assert set(published.values()) == {writable}


def test_each_notebook_says_where_it_runs_and_installs_the_course(site):
    for folder in ("notebooks", "exercises", "solutions"):
        for path in course_notebooks(folder):
            notebook = nbformat.read(site / "files" / folder / path.name, as_version=4)
            original = nbformat.read(path, as_version=4)
            assert "In-browser edition" in notebook.cells[1].source
            assert "%pip install" in notebook.cells[2].source
            assert "neuronlab" in notebook.cells[2].source
            assert [c.source for c in notebook.cells[3:]] == [c.source for c in original.cells[1:]]


def test_the_course_wheel_holds_every_module_and_installs(site, tmp_path):
    (wheel,) = (site / "pypi").glob("neuronlab-*.whl")
    assert sorted(n for n in zipfile.ZipFile(wheel).namelist() if n.endswith(".py")) == (
        PACKAGE_MODULES
    )
    target = tmp_path / "installed"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-index", "--no-deps",
         "--target", str(target), *map(str, (site / "pypi").glob("*.whl"))],
        check=True, timeout=120,
    )  # fmt: skip
    probe = "import neuronlab.activations as a, ipywidgets, comm; print(a.sigmoid(0.0))"
    result = subprocess.run(
        [sys.executable, "-c", probe], env={"PYTHONPATH": str(target)},
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.stdout.strip() == "0.5", result.stderr
    index = json.loads((site / "pypi/all.json").read_text(encoding="utf-8"))
    assert {"neuronlab", "ipywidgets", "comm"} <= set(index)


def test_settings_turn_off_the_news_and_keep_one_storage(site):
    config = json.loads((site / "jupyter-lite.json").read_text(encoding="utf-8"))
    data = config["jupyter-config-data"]
    assert data["contentsStorageName"] == "neuronlab-course"
    notifications = data["settingsOverrides"]["@jupyterlab/apputils-extension:notification"]
    assert notifications["fetchNews"] == "false"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the test's output clean
        pass


@pytest.fixture(scope="module")
def served(site) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def test_jupyterlite_loads_lists_the_course_and_asks_for_pyodide(site, served, tmp_path):
    chromium = _chromium()
    from playwright.sync_api import sync_playwright

    schema = site / "extensions/@jupyterlite/pyodide-kernel-extension/static/schema"
    kernel_settings = json.loads((schema / "kernel.v0.schema.json").read_text(encoding="utf-8"))
    pyodide_url = kernel_settings["properties"]["pyodideUrl"]["default"]
    outside: list[str] = []

    def block_outside(route) -> None:
        if not route.request.url.startswith(served):
            outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=chromium, args=CHROMIUM_FLAGS,
            headless=True, viewport={"width": 1280, "height": 900},
        )  # fmt: skip
        try:
            browser.route("**/*", block_outside)
            page = browser.new_page()
            page.goto(f"{served}/lab/index.html", wait_until="domcontentloaded")
            listing_ = page.locator(".jp-DirListing-content")
            for folder in ("exercises", "notebooks", "solutions"):
                listing_.get_by_text(folder, exact=True).wait_for(timeout=120_000)
            page.goto(
                f"{served}/lab/index.html?path=notebooks/00_start_here.ipynb",
                wait_until="domcontentloaded",
            )
            page.locator(".jp-Notebook").first.wait_for(timeout=120_000)
            page.wait_for_function(
                "() => document.body.innerText.includes('In-browser edition')", timeout=60_000
            )
            for _ in range(120):  # the kernel starts in a worker and asks for its runtime
                if pyodide_url in outside:
                    break
                page.wait_for_timeout(500)
            page.screenshot(path=str(tmp_path / "lite.png"))
        finally:
            browser.close()
    assert pyodide_url in outside, f"no request for {pyodide_url}; outside requests: {outside}"
