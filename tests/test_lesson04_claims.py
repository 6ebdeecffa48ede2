"""Claims of lesson 04 that its notebook states but does not print: the learning-rate slider of
its explorer spans 0.1 to about 300 (a log scale from 10^-1 to 10^2.5).
"""

from __future__ import annotations

import json
import re

import pytest

from .conftest import ROOT

LESSON = ROOT / "notebooks" / "04_derivatives_and_gradient_descent.ipynb"


def slider_exponents() -> tuple[float, float]:
    """The ``min`` and ``max`` exponents of the explorer's FloatLogSlider (base 10)."""
    cells = json.loads(LESSON.read_text(encoding="utf-8"))["cells"]
    source = next("".join(c["source"]) for c in cells if "FloatLogSlider(" in "".join(c["source"]))
    slider = source[source.index("FloatLogSlider(") :]
    assert re.search(r"\bbase=10\b", slider)
    low = float(re.search(r"\bmin=(-?[\d.]+)", slider).group(1))
    high = float(re.search(r"\bmax=(-?[\d.]+)", slider).group(1))
    return low, high


def test_lesson04_the_learning_rate_slider_runs_from_0_1_to_about_300():
    low, high = slider_exponents()
    assert 10**low == pytest.approx(0.1)
    assert round(10**high, -2) == 300
