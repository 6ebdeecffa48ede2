"""Claims of lesson 05 that its notebook states but does not print: `Tiny` is about 30 lines, the
Python box comes before the first class or function-inside-a-function the learner reads, and
after `backward()` every gradient belongs to the one output it was called on.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from neuronlab.autodiff import Value

LESSON = Path(__file__).resolve().parents[1] / "notebooks" / "05_chain_rule_and_graphs.ipynb"


def cells() -> list[dict]:
    notebook = json.loads(LESSON.read_text(encoding="utf-8"))
    return [{**cell, "source": "".join(cell["source"])} for cell in notebook["cells"]]


def lesson_markdown() -> str:
    return "\n".join(cell["source"] for cell in cells() if cell["cell_type"] == "markdown")


def test_tiny_is_about_30_lines():
    tiny = next(cell["source"] for cell in cells() if cell["source"].startswith("class Tiny"))
    lines = [line for line in tiny.splitlines() if line.strip()]
    assert abs(len(lines) - 30) <= 2, f"Tiny has {len(lines)} non-blank lines"
    text = lesson_markdown()
    assert "in about 30 lines" in text
    assert "about 30 lines" in text.split("## Summary")[1]


def teaches_python(source: str) -> bool:
    """Whether a code cell defines a class, or a function inside a function (a closure)."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef):
            return True
        if isinstance(node, ast.FunctionDef) and any(
            isinstance(inner, ast.FunctionDef) for inner in ast.walk(node) if inner is not node
        ):
            return True
    return False


def test_the_python_box_comes_before_the_first_class_or_closure():
    lesson = cells()
    box = next(i for i, cell in enumerate(lesson) if cell["source"].startswith("## Python box"))
    first = next(
        i
        for i, cell in enumerate(lesson)
        if cell["cell_type"] == "code" and teaches_python(cell["source"])
    )
    assert first == box + 1, "the box's own demo is the lesson's first class and closure"
    pieces = (
        "`__init__`",
        "`self`",
        "*default value*",
        "**A tuple**",
        "`a.__add__(b)`",
        "*closure*",
        "not copies of their numbers",
        "attribute",
        "`lambda x, y: x + y`",
        "list comprehension",
        "`reversed(",
        "set",
    )
    for piece in pieces:
        assert piece in lesson[box]["source"], piece
    demo = lesson[box + 1]["source"]
    for construct in (
        "lambda x, y:",
        "lambda: None",
        "children=()",
        " for n in ",
        "reversed(",
        "set()",
    ):
        assert construct in demo, f"the box's demo cell runs {construct!r}"


@pytest.mark.parametrize(("x_data", "y_data"), [(2.0, -3.0), (0.5, 4.0), (-1.5, -2.5)])
def test_backward_gives_the_gradients_of_the_last_output_only(x_data, y_data):
    x, y = Value(x_data), Value(y_data)
    c1, c2 = x * y, x + y
    c1.backward()
    c2.backward()
    assert (x.grad, y.grad) == (1.0, 1.0)  # c2's alone: c1's y and x were reset
    (c1 + c2).backward()
    assert (x.grad, y.grad) == (y_data + 1.0, x_data + 1.0)  # both costs' gradients, summed
