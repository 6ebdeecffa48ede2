"""The notebook contract of CONTRIBUTING.md, checked on every lesson and solution notebook."""

from __future__ import annotations

import ast
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
    assert "objectives" in first.lower()
    assert "prerequisites" in first.lower()
    assert "summary" in "\n".join(markdown(notebook)[-2:]).lower()
    assert f"exercises/{path.name}" in last, "the last cell points to the lesson's exercises"


@pytest.mark.parametrize("path", LESSONS + SOLUTIONS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_executed_in_order_without_errors(path):
    notebook = nbformat.read(path, as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]


def shows_with_alt(source: str) -> bool:
    """Whether one of a cell's statements shows its figure with a text alternative:
    ``neuronlab.plotting.show(alt=...)`` (or ``plotting.show``, or ``show`` imported from it), or a
    notebook's own drawing helper called with ``alt=...``, which it passes on to ``show``.
    """
    code = "\n".join(
        line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))
    )
    for statement in ast.parse(code).body:
        if not (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)):
            continue
        call = statement.value
        if isinstance(call.func, ast.Attribute):
            owner = ast.unparse(call.func.value)
            course_show = call.func.attr == "show" and owner in {"neuronlab.plotting", "plotting"}
        else:
            course_show = isinstance(call.func, ast.Name) and call.func.id == "show"
        if any(k.arg == "alt" for k in call.keywords) or (course_show and call.args):
            return True
    return False


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("plt.plot(x)\nneuronlab.plotting.show(alt=f'the sigmoid {k}')", True),
        ("plt.plot(x)\nplotting.show(alt=text, fig=fig)", True),
        ("plt.plot(x)\nshow(alt_text)", True),
        ("plt.plot(x)\nneuronlab.plotting.show(alt=words)\nprint(f'loss {loss:.3f}')", True),
        ("def draw(X, alt):\n    show(alt=alt)\n\ndraw(X, alt=f'{len(X)} digits')", True),
        ("plt.plot(x)\nplt.show()", False),
        ("plt.plot(x)\nfig.show()", False),
        ("plt.plot(x)  # show it\nplt.savefig('x.png')", False),
        ("plotting.show()", False),
        ("def draw(X, alt):\n    show(alt=alt)\n\ndraw(X)", False),
    ],
)
def test_the_figure_rule_tells_show_with_alt_from_the_rest(source, expected):
    assert shows_with_alt(source) is expected


@pytest.mark.parametrize("path", LESSONS + SOLUTIONS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_figure_is_introduced_and_shown_with_its_text_alternative(path):
    cells = nbformat.read(path, as_version=4).cells
    for index, cell in enumerate(cells):
        if cell.cell_type != "code":
            continue
        images = [o for o in cell.outputs if "image/png" in o.get("data", {})]
        if not images:
            continue
        where = f"cell {index + 1}"
        assert cells[index - 1].cell_type == "markdown", (
            f"{where}: figure without a sentence before it"
        )
        assert "plt.show()" not in cell.source, (
            f"{where}: neuronlab.plotting.show(alt=...), not plt.show()"
        )
        assert shows_with_alt(cell.source), (
            f"{where}: show it with neuronlab.plotting.show(alt=...)"
        )
        for image in images:  # the saved output was made by show(): it carries the text alternative
            assert image.get("metadata", {}).get("image/png", {}).get("alt"), (
                f"{where}: no alt saved"
            )


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_ignored_outputs_are_only_widgets(path):
    for index, cell in enumerate(nbformat.read(path, as_version=4).cells):
        if cell.cell_type == "code" and "NBVAL_IGNORE_OUTPUT" in cell.source:
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


# A backslash sequence typed into a Python string turns LaTeX into control characters:
# "\times" starts with a tab, "\approx" with a bell. The page then shows garbage.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")


@pytest.mark.parametrize(
    "path", LESSONS + SOLUTIONS + course_notebooks("exercises"), ids=lambda p: str(p)
)
def test_no_control_characters_in_cells(path):
    notebook = nbformat.read(path, as_version=4)
    for index, cell in enumerate(notebook.cells):
        found = CONTROL.findall(cell.source)
        if cell.cell_type == "markdown" and "\t" in cell.source:
            found.append("\t")
        assert not found, (
            f"{path.name} cell {index} holds control characters {found!r}: a LaTeX command "
            "written into a Python string without doubling its backslash (\\t, \\a, \\b, \\f)?"
        )
