"""Claims of lesson 01 that its notebook states but does not print: its explorer starts on a
non-answer (for OR, the task, and for AND and NAND) and labels its sliders.
"""

from __future__ import annotations

import numpy as np
import pytest

from neuronlab import widgets
from neuronlab.activations import step
from neuronlab.datasets import logic_gate


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
