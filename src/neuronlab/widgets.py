"""Interactive explorers: move a slider, see the idea change.

Each explorer is two parts: a *drawing function* that takes plain numbers and returns a
matplotlib figure (the tests call these directly), and a function that wires sliders to it
with ``ipywidgets.interact``.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from neuronlab.activations import step
from neuronlab.datasets import logic_gate
from neuronlab.plotting import COLORS, plot_decision_line


def draw_neuron(w1: float, w2: float, b: float, gate: str = "AND") -> Figure:
    """The decision line of a neuron with weights ``(w1, w2)`` and bias ``b`` over a gate's
    truth table, titled with how many of the four rows the step neuron gets right."""
    X, y = logic_gate(gate)
    predictions = step(X @ np.array([w1, w2]) + b)
    correct = int(np.sum(predictions == y))
    fig, ax = plt.subplots(figsize=(6.0, 4.2))
    plot_decision_line([w1, w2], b, X, y, ax=ax)
    ax.set_title(f"{gate}: {correct} of 4 correct  (w = ({w1:.2f}, {w2:.2f}), b = {b:.2f})")
    fig.tight_layout()
    return fig


def neuron_explorer(gate: str = "AND"):
    """Sliders for the two weights and the bias; the decision line moves as you drag them."""
    from ipywidgets import FloatSlider, interact

    def show(w1: float, w2: float, b: float) -> None:
        draw_neuron(w1, w2, b, gate)
        plt.show()

    slider = dict(min=-3.0, max=3.0, step=0.1, continuous_update=False)
    return interact(
        show,
        w1=FloatSlider(value=1.0, description="w₁", **slider),
        w2=FloatSlider(value=1.0, description="w₂", **slider),
        b=FloatSlider(value=-0.5, description="bias b", **slider),
    )


def draw_step_threshold(threshold: float, inputs: tuple[float, ...] = (0.3, 0.8, 1.4)) -> Figure:
    """The step activation with a threshold ``θ``: output 1 once the weighted sum reaches θ.
    The same as a step at 0 of ``z = sum - θ``, so the bias is ``b = -θ``. Marks a few sums."""
    s = np.linspace(-1.0, 3.0, 801)
    fig, ax = plt.subplots(figsize=(6.0, 3.6))
    ax.plot(s, step(s - threshold), color=COLORS["blue"], label="output")
    ax.axvline(
        threshold, color=COLORS["vermillion"], ls="--", label=f"threshold θ = {threshold:.2f}"
    )
    for value in inputs:
        fired = float(step(value - threshold))
        ax.plot(
            value,
            fired,
            "o",
            ms=9,
            color=COLORS["orange"] if fired else COLORS["sky"],
            markeredgecolor="black",
        )
    ax.set_xlabel("weighted sum  $w \\cdot x$")
    ax.set_ylabel("output (fires = 1)")
    ax.set_title(f"bias b = -θ = {-threshold:.2f}")
    ax.set_ylim(-0.15, 1.15)
    ax.legend(loc="center right")
    fig.tight_layout()
    return fig


def step_threshold_explorer():
    """A slider for the threshold θ of a step neuron."""
    from ipywidgets import FloatSlider, interact

    def show(threshold: float) -> None:
        draw_step_threshold(threshold)
        plt.show()

    return interact(
        show,
        threshold=FloatSlider(
            value=1.0, min=-0.5, max=2.5, step=0.05, description="θ", continuous_update=False
        ),
    )
