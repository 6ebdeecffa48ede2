"""The course in a real browser: JupyterLab in headless Chromium, driven by Playwright.

For every lesson and solution notebook: open it, clear the outputs, "Restart Kernel and Run All
Cells", wait until every cell has run and the kernel is idle, then require no error output, every
figure rendered as an image and every widget rendered. A screenshot of each is kept in
build/screenshots/. The notebooks are served from a temporary copy, with autosave off.

Needs Debian's Chromium (`apt-get install chromium`); Playwright never downloads a browser here.
Without Chromium or Playwright (Binder's environment has no Playwright), or on Windows, the test
is skipped and says why, unless NEURONLAB_BROWSER_TESTS=required (as in CI).
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from pathlib import Path

import pytest

from .conftest import ROOT, cannot_run, course_notebooks, require_posix, require_tier
from .jupyter_server import free_port, start_lab, stop, wait_until_answers

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
NOTEBOOKS = [f"notebooks/{p.name}" for p in course_notebooks("notebooks")] + [
    f"solutions/{p.name}" for p in course_notebooks("solutions")
]
SCREENSHOTS = ROOT / "build" / "screenshots"
pytestmark = pytest.mark.browser


def _chromium() -> str:
    """The path of Chromium, for a test marked ``browser`` (or a skip saying how to install it)."""
    require_tier("browser")
    path = shutil.which("chromium")
    if path is None:
        cannot_run(
            "Chromium not found, so the browser test did not run. To run it: "
            "`sudo apt-get install chromium` (Debian/Ubuntu), then `make test`; "
            "set NEURONLAB_BROWSER_TESTS=required to make it mandatory."
        )
    return path


@pytest.fixture(scope="module")
def lab():
    """A JupyterLab server on a copy of the course, and a headless Chromium."""
    require_posix("The browser test")
    chromium = _chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        cannot_run("Playwright is not installed: `pip install -e '.[test]'` (or `make test`)")

    scratch = Path(tempfile.mkdtemp(prefix="neuronlab-browser-"))
    served = scratch / "course"
    for folder in ("notebooks", "solutions"):
        shutil.copytree(ROOT / folder, served / folder)
    token, port = secrets.token_hex(16), free_port()
    server = start_lab(served, scratch, token, port)
    try:
        wait_until_answers(f"http://127.0.0.1:{port}/api/status?token={token}", server)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch_persistent_context(
                str(scratch / "profile"),
                executable_path=chromium,
                args=CHROMIUM_FLAGS,
                headless=True,
                viewport={"width": 1280, "height": 900},
            )
            yield browser, f"http://127.0.0.1:{port}", token, served
            browser.close()
    finally:
        stop(server)
        shutil.rmtree(scratch, ignore_errors=True)


WAIT_FOR_NOTEBOOK = """() => {
    const panel = window.jupyterapp?.shell?.currentWidget;
    return Boolean(panel?.context?.isReady && panel.content?.widgets?.length
        && panel.sessionContext?.session?.kernel?.status === "idle");
}"""

ALL_CELLS_RUN = """() => {
    const panel = window.jupyterapp.shell.currentWidget;
    const code = panel.content.widgets.filter((cell) => cell.model.type === "code");
    const done = code.every((cell) => cell.model.executionCount !== null
        && !cell.node.querySelector(".jp-InputArea-prompt").textContent.includes("*"));
    return done && panel.sessionContext.session.kernel.status === "idle";
}"""

INSPECT = """() => {
    const panel = window.jupyterapp.shell.currentWidget;
    const code = panel.content.widgets.filter((cell) => cell.model.type === "code");
    const outputs = code.flatMap((cell) => cell.model.outputs.toJSON());
    const images = [...panel.node.querySelectorAll(".jp-RenderedImage img")];
    return {
        codeCells: code.length,
        executionCounts: code.map((cell) => cell.model.executionCount),
        errors: outputs.filter((o) => o.output_type === "error").map((o) => `${o.ename}: ${o.evalue}`),
        tracebackShown: panel.node.innerText.includes("Traceback"),
        pngOutputs: outputs.filter((o) => o.data && o.data["image/png"]).length,
        imagesRendered: images.filter((img) => img.complete && img.naturalWidth > 0).length,
        imagesBroken: images.filter((img) => !(img.complete && img.naturalWidth > 0)).length,
        widgetOutputs: outputs.filter((o) => o.data && o.data["application/vnd.jupyter.widget-view+json"]).length,
        sliders: panel.node.querySelectorAll(".widget-slider").length,
        sourceHasInteract: code.some((cell) => /explorer\\(|interact\\(/.test(cell.model.sharedModel.getSource())),
    };
}"""


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_runs_cleanly_in_jupyterlab(lab, notebook):
    browser, base, token, served = lab
    before = (served / notebook).read_bytes()
    page = browser.new_page()
    try:
        page.goto(f"{base}/lab/tree/{notebook}?token={token}&reset", wait_until="domcontentloaded")
        page.wait_for_function(WAIT_FOR_NOTEBOOK, timeout=90_000, polling=500)
        page.evaluate("() => window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
        assert page.evaluate(INSPECT)["pngOutputs"] == 0, "outputs were not cleared"
        # the menu's "Restart Kernel and Run All Cells", confirmed in its dialog as a learner would
        page.evaluate("() => { window.jupyterapp.commands.execute('notebook:restart-run-all'); }")
        page.locator(".jp-Dialog .jp-mod-accept").click(timeout=30_000)
        page.wait_for_timeout(1000)  # let the restart begin before polling for "idle"
        page.wait_for_function(ALL_CELLS_RUN, timeout=180_000, polling=500)
        page.wait_for_timeout(500)  # images decode
        state = page.evaluate(INSPECT)
        page.evaluate("() => document.querySelector('.widget-slider')?.scrollIntoView()")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(
            path=str(SCREENSHOTS / notebook.replace("/", "_").replace(".ipynb", ".png"))
        )
    finally:
        page.close()
    assert state["executionCounts"] == list(range(1, state["codeCells"] + 1))
    assert state["errors"] == [], state["errors"]
    assert not state["tracebackShown"]
    # every figure is an image on the page (a widget's own figures come on top of these)
    assert state["imagesBroken"] == 0, state
    assert state["imagesRendered"] >= state["pngOutputs"], state
    if state["sourceHasInteract"]:
        assert state["widgetOutputs"] > 0, state
        assert state["sliders"] > 0, state
    assert (served / notebook).read_bytes() == before, "the test wrote into the notebook"
