"""Claims of lesson 01 that its notebook states but does not print: its explorer starts on a
non-answer (for OR, the task, and for AND and NAND), labels its sliders, and draws what the AND
figure draws: which side fires, the arrow w at a right angle to the line, pointing to the side
that fires, and a legend in the lesson's words.
"""

from __future__ import annotations

import numpy as np
import pytest

from neuronlab import widgets
from neuronlab.activations import step
from neuronlab.datasets import logic_gate
from neuronlab.plotting import MIN_TEXT_PT, readability


def explorer_start() -> tuple[float, float, float]:
    w1, w2, b, *_ = widgets.neuron_explorer("OR").widget.children
    return w1.value, w2.value, b.value


@pytest.mark.parametrize("gate", ["AND", "OR", "NAND"])
def test_lesson01_the_explorer_starts_on_a_non_answer(gate):
    w1, w2, b = explorer_start()
    X, y = logic_gate(gate)
    correct = int(np.sum(step(X @ np.array([w1, w2]) + b) == y))
    assert correct == 2
    assert f"{gate}: 2 of 4 correct" in widgets.draw_neuron(w1, w2, b, gate).axes[0].get_title()


def test_lesson01_the_explorer_labels_what_each_slider_changes():
    descriptions = [s.description for s in widgets.neuron_explorer("OR").widget.children[:3]]
    assert descriptions == ["weight w₁", "weight w₂", "bias b"]


@pytest.mark.parametrize(
    ("w1", "w2", "b", "gate"),
    [
        (1.0, -1.0, 0.5, "OR"),
        (1.0, 1.0, -1.5, "AND"),
        (-2.0, -1.0, 2.5, "NAND"),
        (0.3, 2.0, -0.9, "OR"),
    ],
)
def test_lesson01_the_explorer_shows_which_side_fires_and_the_arrow_w(w1, w2, b, gate):
    w = np.array([w1, w2])
    ax = widgets.draw_neuron(w1, w2, b, gate).axes[0]
    labels = {text.get_text(): np.array(text.get_position()) for text in ax.texts}
    assert labels["fires: z ≥ 0"] @ w + b >= 0
    assert labels["silent: z < 0"] @ w + b < 0
    (arrow,) = [a for a in ax.texts if getattr(a, "arrow_patch", None) is not None]
    start, tip = np.array(arrow.xyann), np.array(arrow.xy)
    assert start @ w + b == pytest.approx(0.0, abs=1e-9)  # it starts on the line
    direction = (tip - start) / np.linalg.norm(tip - start)
    assert direction == pytest.approx(
        w / np.linalg.norm(w)
    )  # along w: at a right angle, firing side
    assert [t.get_text() for t in ax.get_legend().texts] == [
        f"{gate} = 0 (should stay silent)",
        f"{gate} = 1 (should fire)",
    ]
    report = readability(ax.figure)
    assert report["smallest_text_pt"] >= MIN_TEXT_PT
    assert report["colour_only_legend"] == []
