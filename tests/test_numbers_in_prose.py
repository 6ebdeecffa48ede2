"""Every number a lesson states in its prose comes from the lesson itself.

A number in a lesson's markdown (an integer or a decimal, with or without a unit or %) must
appear, at the precision the prose states, in an output of the same notebook (printed text, or a
figure's text alternative), or as a number literal in the lesson's claims test
(tests/test_lessonNN_claims.py), which asserts it. Not read as numbers: lesson, exercise, section
and chapter numbers, years, numbered headings and list items, and anything inside `code` or
$...$ formulas (constants of a formula, not measurements).

"At the stated precision": the prose's "0.97" is matched by an output 0.97 or 0.9713 (it rounds to
0.97), not by 0.9 or 1; "97%" by 97%, 97.1% or 0.971. When a measured number drifts, the prose
that quotes it fails here until it is updated.
"""

from __future__ import annotations

import io
import json
import re
import tokenize
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))

# ---------------------------------------------------------------------------------------------
# Reading numbers
# ---------------------------------------------------------------------------------------------

# A number: digits with optional thousands commas and decimals, not part of a word, an
# identifier (BP1, float64, GPT-2, x_1) or a longer number; an optional % after it.
NUMBER = re.compile(
    r"(?<![\w.\-−/^])(?<![A-Za-z]-)"
    r"(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?P<decimals>\.\d+)?"
    r"(?P<exponent>e[+-]?\d+)?(?P<percent>\s?%)?(?![\w]|\.\d)"
)

NOT_NUMBERS = [
    re.compile(r"```.*?```", re.DOTALL),  # code blocks
    re.compile(r"`[^`]*`"),  # inline code
    re.compile(r"\$\$.*?\$\$", re.DOTALL),  # display formulas
    re.compile(r"\$[^$]*\$"),  # inline formulas
    re.compile(r"\]\([^)]*\)"),  # link targets
    re.compile(r"https?://\S+"),
    # references: lesson 07, lessons 01-09, lessons 08 and 09, exercise 8.4, section 2, ...
    re.compile(
        r"\b(?:lessons?|exercises?|sections?|chapters?|cells?)\s+\d+(?:\.\d+)?"
        r"(?:\s*(?:,|-|–|to|and|or)\s*\d+(?:\.\d+)?)*",
        re.IGNORECASE,
    ),
    re.compile(r"\b\d{2} ·"),  # a lesson's title: "09 · Vanishing gradients"
    re.compile(r"^\s*#+\s*\d+\.", re.MULTILINE),  # numbered headings: "## 4. Real data"
    re.compile(r"^\s*\d+\.\s", re.MULTILINE),  # numbered list items
    re.compile(r"(?<![\d,.])(?:19|20)\d\d(?!\d|[,.]\d|\s?%)"),  # years
]


@dataclass(frozen=True)
class Number:
    """A number as written: its value, its decimals (the stated precision), and whether it is a
    percentage.
    """

    text: str
    value: float
    decimals: int
    percent: bool


def numbers_in(text: str) -> list[Number]:
    """Every number written in ``text``, as :class:`Number`."""
    found = []
    for match in NUMBER.finditer(text):
        digits = match["digits"].replace(",", "")
        decimals = match["decimals"] or ""
        exponent = match["exponent"] or ""
        value = float(digits + decimals + exponent)
        places = len(decimals) - 1 if decimals else 0
        if exponent:
            places = max(places - int(exponent[1:]), 0)
        found.append(Number(match[0].strip(), value, places, bool(match["percent"])))
    return found


def prose_numbers(markdown: str) -> list[Number]:
    """The numbers a lesson states in one markdown cell, references and formulas left out."""
    for pattern in NOT_NUMBERS:
        markdown = pattern.sub(" ", markdown)
    return numbers_in(markdown)


def matches(stated: Number, shown: Number) -> bool:
    """Does ``shown`` (an output or a literal) give ``stated`` at the precision it is stated?"""
    candidates = [(shown.value, shown.decimals)]
    if stated.percent and not shown.percent:
        candidates.append((shown.value * 100, shown.decimals - 2))  # 0.971 gives 97.1%
    if shown.percent and not stated.percent:
        candidates.append((shown.value / 100, shown.decimals + 2))
    return any(
        places >= stated.decimals and round(value, stated.decimals) == stated.value
        for value, places in candidates
    )


# ---------------------------------------------------------------------------------------------
# Where numbers may come from
# ---------------------------------------------------------------------------------------------


def output_text(cell: dict) -> str:
    """Everything a code cell shows as text: streams, results and figures' text alternatives."""
    parts = []
    for output in cell.get("outputs", []):
        if "text" in output:
            parts.append("".join(output["text"]))
        plain = output.get("data", {}).get("text/plain")
        if plain:
            parts.append("".join(plain))
    return "\n".join(parts)


def literals_in(path: Path) -> list[Number]:
    """The number literals in the code of a test file (comments and strings are not claims)."""
    if not path.exists():
        return []
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    code = " ".join(token.string for token in tokens if token.type == tokenize.NUMBER)
    return numbers_in(code.replace("_", ""))


def claims_test(notebook: Path) -> Path:
    return ROOT / "tests" / f"test_lesson{notebook.name[:2]}_claims.py"


def stale_numbers(notebook: dict, literals: list[Number]) -> list[str]:
    """Each number in the notebook's markdown that no output and no claims-test literal gives,
    as "cell N: 'number' in '...context...'".
    """
    shown = [n for cell in notebook["cells"] for n in numbers_in(output_text(cell))]
    shown += literals
    problems = []
    for index, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] != "markdown":
            continue
        text = "".join(cell["source"])
        for number in prose_numbers(text):
            if not any(matches(number, other) for other in shown):
                at = text.find(number.text)
                context = " ".join(text[max(at - 40, 0) : at + 40].split())
                problems.append(f"cell {index}: {number.text!r} in '...{context}...'")
    return problems


# ---------------------------------------------------------------------------------------------
# The tests
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_every_number_in_the_prose_is_printed_or_asserted(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    problems = stale_numbers(notebook, literals_in(claims_test(path)))
    assert not problems, (
        f"{path.name}: these numbers in the text are neither printed by the notebook nor "
        f"asserted in {claims_test(path).name}; print them, assert them, or correct the text:\n"
        + "\n".join(problems)
    )


def _notebook(markdown: str, printed: str) -> dict:
    return {
        "cells": [
            {"cell_type": "code", "source": [], "outputs": [{"text": [printed]}]},
            {"cell_type": "markdown", "source": [markdown]},
        ]
    }


def test_a_stale_number_is_caught():
    printed = "validation accuracy 0.939, gap +0.054, 13% of the variance"
    assert stale_numbers(_notebook("The gap is 0.054 and 13% is missed.", printed), []) == []
    stale = stale_numbers(_notebook("The gap is 0.061 and 13% is missed.", printed), [])
    assert len(stale) == 1
    assert "'0.061'" in stale[0]
    assert stale_numbers(_notebook("It misses 14% of the variance.", printed), [])


def test_a_stale_number_planted_in_a_real_lesson_is_caught():
    path = ROOT / "notebooks" / "10_putting_it_together.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    literals = literals_in(claims_test(path))
    assert stale_numbers(notebook, literals) == []
    notebook["cells"].append(
        {"cell_type": "markdown", "source": ["The deep ReLU network reaches 0.912 here."]}
    )
    assert [p for p in stale_numbers(notebook, literals) if "'0.912'" in p]


def test_precision_is_respected():
    def ok(stated: str, shown: str) -> bool:
        return matches(numbers_in(stated)[0], numbers_in(shown)[0])

    assert ok("0.97", "0.9713")
    assert ok("97%", "0.971")
    assert ok("97%", "97.2%")
    assert ok("0.13", "13%")
    assert ok("1,797", "1797")
    assert ok("0.0099", "9.9e-03")
    assert not ok("0.97", "0.9")
    assert not ok("0.97", "1")
    assert not ok("0.975", "0.97")
    assert not ok("97%", "0.9")
    assert not ok("200", "2")


def test_references_years_and_formulas_are_not_numbers():
    text = (
        "Lessons 08 and 09, exercise 8.4, section 2 and lesson 07 (LeCun et al. 1998) show "
        "$0.25^L$ and `relu(0.5)`; BP1, GPT-2 and float64 are names. It took 3.5 seconds."
    )
    assert [n.text for n in prose_numbers(text)] == ["3.5"]
