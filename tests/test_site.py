"""The course website (`make site`) in a real browser: headless Chromium, driven by Playwright.

The site is built from the committed lessons, served from build/site/ by a static server on
127.0.0.1, and every page is opened. On each page: axe-core finds no violation of impact serious
or critical, in the light theme and in the dark one; there is one H1 and no heading level is
skipped; every image has a text alternative (not empty, not a file name, not a placeholder);
every formula is typeset by the MathJax the site
serves itself (no raw `$...$` left); and no request leaves 127.0.0.1. A screenshot of each page
is kept in build/screenshots/site/, and axe's full findings in build/screenshots/site/axe.json.

Browser tier: skipped without Chromium, unless NEURONLAB_BROWSER_TESTS=required (as in CI).
"""

from __future__ import annotations

import functools
import http.server
import itertools
import json
import re
import subprocess
import sys
import threading
from urllib.parse import urlparse

import pytest

from .conftest import ROOT, course_notebooks
from .jupyter_server import free_port
from .test_browser import CHROMIUM_FLAGS, _chromium

pytestmark = pytest.mark.browser  # builds the site and opens it in Chromium

SITE = ROOT / "build" / "site"
SCREENSHOTS = ROOT / "build" / "screenshots" / "site"
PAGES = ["index", "exercises", "search"] + [
    f"notebooks/{path.stem}" for path in course_notebooks("notebooks")
]
PLACEHOLDER_ALT = "No description has been provided"
FILE_NAME = re.compile(r"(^|/)[\w.-]+\.(png|jpe?g|gif|svg|webp)$", re.IGNORECASE)
# TeX left as text: $...$ that starts with a letter or a command, or holds TeX's operators; \( \[
RAW_MATH = re.compile(r"\$(?=[A-Za-z\\])[^$\n]*\$|\$[^$\n]*[\\^_={}][^$\n]*\$|\\\(|\\\[")

# Sphinx adds MathJax only to pages with math; where it is, wait until it has typeset the page.
MATHJAX_READY = """() => !document.querySelector('script[src*="mathjax"]')
    || Boolean(window.MathJax?.startup?.promise)"""
# Colours are checked once the theme's transitions (light to dark) have finished.
SETTLED = "() => document.getAnimations().every((a) => a.playState !== 'running')"
INSPECT = """() => {
    const outside = (node) => !node.parentElement.closest("pre, code, script, style, mjx-container");
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const text = [];
    while (walker.nextNode()) { if (outside(walker.currentNode)) text.push(walker.currentNode.data); }
    return {
        headings: [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
            .map((h) => ({level: Number(h.tagName[1]), text: h.innerText.trim()})),
        images: [...document.querySelectorAll("img")].map((img) => ({
            src: img.getAttribute("src"), alt: img.getAttribute("alt"),
            shown: img.complete && img.naturalWidth > 0,
        })),
        mathSpans: document.querySelectorAll(".math").length,
        mathTypeset: document.querySelectorAll(".math mjx-container, mjx-container.MathJax").length,
        mathUntypeset: [...document.querySelectorAll(".math")]
            .filter((m) => !m.querySelector("mjx-container")).map((m) => m.textContent),
        text: text.join(" "),
    };
}"""


def build_site() -> None:
    """`make site`'s build, so that the test checks what is committed now."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "build_site.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def built():
    """`make site`'s build, run once for this module."""
    build_site()
    return SITE


@pytest.fixture(scope="module")
def site(built):
    """The built site on a static server at 127.0.0.1, and a headless Chromium."""
    chromium = _chromium()
    from playwright.sync_api import sync_playwright

    port = free_port()
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(QuietHandler, directory=str(SITE))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    findings: dict[str, list] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium, args=CHROMIUM_FLAGS, headless=True
            )
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            yield context, f"http://127.0.0.1:{port}", findings
            context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        (SCREENSHOTS / "axe.json").write_text(json.dumps(findings, indent=1), encoding="utf-8")


def bad_alt(alt: str | None) -> str | None:
    """Why an image's text alternative fails, or None when it is a description."""
    if alt is None or not alt.strip():
        return "no alt"
    if FILE_NAME.search(alt.strip()) or "_images/" in alt:
        return "alt is a file name"
    if PLACEHOLDER_ALT.lower() in alt.lower():
        return "alt is the placeholder"
    return None


def skipped_levels(levels: list[int]) -> list[tuple[int, int]]:
    """Pairs of consecutive heading levels where the second goes down more than one level."""
    return [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]


def test_the_site_has_exactly_the_expected_pages(built):
    pages = {str(p.relative_to(built).with_suffix("")) for p in built.rglob("*.html")}
    assert {p for p in pages if not p.startswith("_")} == set(PAGES)
    for folder in ("exercises", "solutions"):
        assert not (built / folder).exists(), f"{folder}/ must be linked, not published"
    assert (built / "_static" / "mathjax" / "tex-chtml.js").is_file(), "MathJax is served locally"


def test_lesson_pages_link_binder_exercises_solutions_and_their_neighbours(built):
    lessons = [p for p in PAGES if p.startswith("notebooks/")]
    for index, name in enumerate(lessons):
        html = (built / f"{name}.html").read_text(encoding="utf-8")
        stem = name.split("/")[1]
        for folder in ("notebooks", "exercises", "solutions"):
            assert f"urlpath=lab/tree/{folder}/{stem}.ipynb" in html, f"{name}: Binder {folder}"
        for folder in ("exercises", "solutions"):
            assert f"/blob/HEAD/{folder}/{stem}.ipynb" in html, f"{name}: repository {folder}"
        if index + 1 < len(lessons):
            following = lessons[index + 1].split("/")[1]
            assert re.search(rf'class="right-next"\s+href="{following}.html"', html), name
        if index > 0:
            previous = lessons[index - 1].split("/")[1]
            assert re.search(rf'class="left-prev"\s+href="{previous}.html"', html), name


@pytest.mark.parametrize("page_name", PAGES)
def test_page_is_accessible_and_self_contained(site, page_name):
    from axe_playwright_python.sync_playwright import Axe

    context, base, findings = site
    elsewhere: list[str] = []

    def only_this_site(route):
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page = context.new_page()
    try:
        page.route("**/*", only_this_site)
        response = page.goto(f"{base}/{page_name}.html", wait_until="load")
        assert response is not None, page_name
        assert response.ok, page_name
        page.wait_for_function(MATHJAX_READY, timeout=30_000)
        page.evaluate("() => window.MathJax?.startup?.promise")
        page.wait_for_load_state("networkidle")
        page.wait_for_function(SETTLED, timeout=30_000)
        state = page.evaluate(INSPECT)
        results = Axe().run(page)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(
            path=str(SCREENSHOTS / f"{page_name.replace('/', '_')}.png"), full_page=True
        )
        # the theme's dark mode, which follows the reader's system setting
        page.emulate_media(color_scheme="dark")
        page.reload(wait_until="load")
        page.wait_for_function(MATHJAX_READY, timeout=30_000)
        page.evaluate("() => window.MathJax?.startup?.promise")
        assert page.evaluate("() => document.documentElement.dataset.theme") == "dark"
        page.wait_for_function(SETTLED, timeout=30_000)
        dark = Axe().run(page)
    finally:
        page.close()

    problems = []
    for theme, found in (("light", results), ("dark", dark)):
        violations = found.response["violations"]
        findings[f"{page_name} ({theme})"] = [
            {"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"])} for v in violations
        ]
        problems += [
            f"axe, {theme} theme, {v['id']} ({v['impact']}): {v['help']}: {v['nodes'][0]['target']}"
            for v in violations
            if v["impact"] in ("serious", "critical")
        ]
    problems += [f"request leaving the site: {url}" for url in elsewhere]
    levels = [h["level"] for h in state["headings"]]
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} H1 headings, not one: {state['headings']}")
    problems += [f"heading level skipped: h{a} then h{b}" for a, b in skipped_levels(levels)]
    for image in state["images"]:
        if bad_alt(image["alt"]):
            problems.append(f"{bad_alt(image['alt'])}: {image['src']}")
        if not image["shown"]:
            problems.append(f"image not shown: {image['src']}")
    problems += [f"math not typeset: {tex}" for tex in state["mathUntypeset"]]
    problems += [f"raw TeX in the text: {tex}" for tex in RAW_MATH.findall(state["text"])]
    assert problems == [], "\n".join(problems)


def test_alt_checks_catch_file_names_and_placeholders():
    """The image check itself: what it must reject and what it must accept."""
    assert bad_alt(None) == "no alt"
    assert bad_alt("  ") == "no alt"
    assert bad_alt("../_images/3f2a.png") == "alt is a file name"
    assert bad_alt("figure.PNG") == "alt is a file name"
    assert bad_alt("No description has been provided for this image") == "alt is the placeholder"
    assert bad_alt("The sigmoid rises from 0 to 1 as z goes from -6 to 6.") is None
    assert skipped_levels([1, 2, 3, 2, 3]) == []
    assert skipped_levels([1, 3]) == [(1, 3)]
    assert RAW_MATH.findall("the net input $z = w x + b$ is") == ["$z = w x + b$"]
    assert RAW_MATH.findall("it costs $5 and $6") == []


def test_search_works_offline(site):
    """Sphinx's search runs in the page, on the index the site ships (searchindex.js)."""
    context, base, _ = site
    page = context.new_page()
    try:
        page.route(
            "**/*",
            lambda route: (
                route.continue_()
                if urlparse(route.request.url).hostname == "127.0.0.1"
                else route.abort()
            ),
        )
        page.goto(f"{base}/search.html?q=sigmoid", wait_until="load")
        page.wait_for_function(
            "() => document.querySelectorAll('#search-results li').length > 0", timeout=30_000
        )
        found = page.eval_on_selector_all("#search-results li a", "links => links.map(a => a.href)")
    finally:
        page.close()
    assert any("notebooks/03_sigmoid.html" in href for href in found), found


def test_where_a_widget_was_the_page_says_what_it_explores_and_how_to_run_it(built):
    from neuronlab.authoring import WIDGET_PLACEHOLDER

    for path in course_notebooks("notebooks"):
        saved = path.read_text(encoding="utf-8").count(WIDGET_PLACEHOLDER)
        html = (built / "notebooks" / f"{path.stem}.html").read_text(encoding="utf-8")
        notes = re.findall(
            r"An interactive explorer stands here in the notebook\. </strong>(.*?)</p>", html
        )
        assert len(notes) == saved, f"{path.name}: {saved} explorers, {len(notes)} notes"
        assert all(len(note.split()) >= 8 for note in notes), notes
        assert WIDGET_PLACEHOLDER not in html
        if saved:
            assert f"urlpath=lab/tree/notebooks/{path.name}" in html
            assert '<span class="pre">make</span> <span class="pre">lab</span>' in html
