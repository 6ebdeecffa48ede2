"""The lesson contract of DESIGN.md, checked on every lesson and solution notebook."""

from __future__ import annotations

import re

import nbformat
import pytest

from .conftest import course_notebooks

LESSONS = course_notebooks("notebooks")
SOLUTIONS = course_notebooks("solutions")


def markdown(notebook) -> list[str]:
    return [c.source for c in notebook.cells if c.cell_type == "markdown"]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_opens_with_objectives_and_prerequisites_and_closes_with_its_exercises(path):
    notebook = nbformat.read(path, as_version=4)
    first, last = markdown(notebook)[0], markdown(notebook)[-1]
    assert re.match(rf"# {path.name[:2]} · ", first), "title: '# NN · Topic'"
    assert "objectives" in first.lower() and "prerequisites" in first.lower()
    assert "summary" in "\n".join(markdown(notebook)[-2:]).lower()
    assert f"exercises/{path.name}" in last, "the last cell points to the lesson's exercises"


@pytest.mark.parametrize("path", LESSONS + SOLUTIONS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_executed_in_order_without_errors(path):
    notebook = nbformat.read(path, as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_every_figure_is_introduced_and_ignored_outputs_are_only_widgets(path):
    cells = nbformat.read(path, as_version=4).cells
    for index, cell in enumerate(cells):
        if cell.cell_type != "code":
            continue
        if any("image/png" in o.get("data", {}) for o in cell.outputs):
            assert cells[index - 1].cell_type == "markdown", (
                f"cell {index + 1}: figure without a sentence before it"
            )
            assert "plt.show()" in cell.source or "show" in cell.source
        if "NBVAL_IGNORE_OUTPUT" in cell.source:
            assert re.search(r"explorer\(|interact\(", cell.source), (
                f"cell {index + 1}: ignored but not a widget"
            )


@pytest.mark.parametrize("path", LESSONS[1:], ids=lambda p: p.name)  # 00 is about JupyterLab
def test_lessons_from_01_have_a_widget(path):
    source = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells)
    assert re.search(r"explorer\(|interact\(", source)


@pytest.mark.parametrize("path", LESSONS + SOLUTIONS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_saved_widgets_are_a_sentence_not_a_dead_model(path):
    from neuronlab.authoring import WIDGET_PLACEHOLDER, WIDGET_VIEW

    outputs = [
        o
        for c in nbformat.read(path, as_version=4).cells
        if c.cell_type == "code"
        for o in c.outputs
    ]
    assert not [o for o in outputs if WIDGET_VIEW in o.get("data", {})], "run `make notebooks`"
    source = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells)
    if re.search(r"explorer\(|interact\(", source):
        assert any(WIDGET_PLACEHOLDER in str(o.get("data", {})) for o in outputs)
