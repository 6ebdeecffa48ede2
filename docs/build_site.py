"""Build the course website in build/site/ from the committed, executed lessons (`make site`).

The pages are built by Sphinx with myst-nb (notebooks are read with their saved outputs, never
re-executed) and sphinx-book-theme. Sphinx reads a staging folder, build/site-src/, laid out like
the repository (notebooks/NN_topic.ipynb), so that each lesson page's Binder button opens the same
path in the repository. The home page's course map is written there from each lesson's title and
notebook metadata (``neuronlab.introduces``).
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path

from neuronlab.authoring import course_notebooks

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SOURCE = ROOT / "build" / "site-src"
SITE = ROOT / "build" / "site"


def lesson_title(notebook: dict) -> str:
    """The lesson's title, from its first markdown cell: '# 01 · The artificial neuron'."""
    first = next(c for c in notebook["cells"] if c["cell_type"] == "markdown")
    return "".join(first["source"]).splitlines()[0].lstrip("# ").strip()


def lesson_introduces(notebook: dict) -> list[str] | None:
    """The concepts the lesson introduces (its metadata), or None where it declares none yet."""
    return notebook["metadata"].get("neuronlab", {}).get("introduces")


def lesson_objectives(notebook: dict) -> list[str]:
    """The learning objectives listed in the lesson's first cell ('- name the parts ...;')."""
    first = next(c for c in notebook["cells"] if c["cell_type"] == "markdown")
    lines = "".join(first["source"]).splitlines()
    return [line[2:].strip().rstrip(";.") for line in lines if line.startswith("- ")]


def course_map(lessons: list[Path]) -> tuple[str, list[str]]:
    """The home page's table of lessons, and the lessons that do not declare what they introduce
    (for those, the table shows their learning objectives instead).
    """
    rows = ["| lesson | what it introduces |", "|---|---|"]
    undeclared = []
    for path in lessons:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        introduces = lesson_introduces(notebook)
        if introduces is None:
            undeclared.append(path.name)
            introduces = ["; ".join(lesson_objectives(notebook))]
        title = lesson_title(notebook)
        rows.append(f"| [{title}](notebooks/{path.stem}) | {', '.join(introduces)} |")
    return "\n".join(rows) + "\n", undeclared


def stage() -> list[str]:
    """Copy the site's pages and the lessons into build/site-src/; return the undeclared lessons."""
    shutil.rmtree(SOURCE, ignore_errors=True)
    (SOURCE / "notebooks").mkdir(parents=True)
    for page in DOCS.glob("*.md"):
        shutil.copy2(page, SOURCE / page.name)
    lessons = course_notebooks(ROOT / "notebooks")
    for path in lessons:
        shutil.copy2(path, SOURCE / "notebooks" / path.name)
    table, undeclared = course_map(lessons)
    (SOURCE / "_course_map.md").write_text(table, encoding="utf-8")
    toctree = "\n".join(f"notebooks/{path.stem}" for path in lessons)
    (SOURCE / "_lessons_toctree.md").write_text(
        f"```{{toctree}}\n:caption: Lessons\n:hidden:\n\n{toctree}\n```\n", encoding="utf-8"
    )
    return undeclared


def main() -> int:
    """Build the site; exit non-zero on any warning."""
    from sphinx.cmd.build import build_main

    start = time.perf_counter()
    undeclared = stage()
    shutil.rmtree(SITE, ignore_errors=True)
    # -W: a warning (a broken reference, a heading level skipped, MyST it cannot read) fails
    # the build, all of them listed (--keep-going)
    arguments = ["-q", "-W", "--keep-going", "-b", "html", "-c", str(DOCS), str(SOURCE), str(SITE)]
    status = build_main(arguments)
    elapsed = time.perf_counter() - start
    if undeclared:
        print(f"note: no neuronlab.introduces metadata yet in {', '.join(undeclared)}")
    if status == 0:
        print(f"site built in {elapsed:.1f} s: open {SITE / 'index.html'}")
    return status


if __name__ == "__main__":
    sys.exit(main())
