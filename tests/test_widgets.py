"""The explorers: their drawing functions are plain functions, called here directly, and each
explorer wires real sliders to one of them.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import inspect

import matplotlib.pyplot as plt
import pytest
from matplotlib.figure import Figure

from neuronlab import widgets


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def axes_are_labelled(fig: Figure) -> bool:
    drawn = [ax for ax in fig.axes if ax.has_data() and ax.axison]
    return bool(drawn) and all(ax.get_xlabel() or ax.get_ylabel() for ax in drawn)


def test_neuron_drawing_counts_correct_rows():
    fig = widgets.draw_neuron(1.0, 1.0, -1.5, "AND")
    assert "AND: 4 of 4 correct" in fig.axes[0].get_title()
    assert "OR: 2 of 4 correct" in widgets.draw_neuron(1.0, 1.0, -1.5, "OR").axes[0].get_title()
    assert axes_are_labelled(fig)


def test_step_threshold_drawing_shows_the_bias():
    fig = widgets.draw_step_threshold(1.25)
    assert "b = -θ = -1.25" in fig.axes[0].get_title()
    assert axes_are_labelled(fig)


@pytest.mark.parametrize("name", ["sigmoid", "relu", "gelu_tanh"])
def test_activation_drawing(name):
    fig = widgets.draw_activation(name, -3.0, 3.0)
    assert fig.axes[0].get_title().startswith(name)
    assert axes_are_labelled(fig)
    with pytest.raises(ValueError, match="z_min must be smaller"):
        widgets.draw_activation(name, 2.0, 1.0)


def test_neuron_graph_drawing_shows_the_chain_rule():
    fig = widgets.draw_neuron_graph(w=2.0, x=0.5, b=0.0)
    assert "∂a/∂w = σ'(z) · x" in fig.axes[0].get_title()


def test_xor_training_drawing_and_its_range():
    fig = widgets.draw_xor_training(hidden=4, seed=0, epoch=100)
    assert "epoch 100" in fig.axes[0].get_title()
    assert axes_are_labelled(fig)
    with pytest.raises(ValueError, match="epoch must be between 0 and 3000"):
        widgets.draw_xor_training(epoch=5000)


def test_universal_approximation_drawing_and_fit():
    fig = widgets.draw_universal_approximation(16, "tanh")
    assert axes_are_labelled(fig)
    assert "16" in fig.axes[0].get_title()


def test_gradient_norm_drawing_has_one_point_per_layer():
    fig = widgets.draw_gradient_norms("tanh", depth=6, gain=1.0)
    left = fig.axes[0]
    assert len(left.lines[0].get_xdata()) == 6
    assert axes_are_labelled(fig)
    assert left.get_yscale() == "log"


EXPLORERS = [
    widgets.neuron_explorer,
    widgets.step_threshold_explorer,
    widgets.neuron_graph_explorer,
    widgets.xor_training_explorer,
    widgets.minibatch_explorer,
    widgets.activation_explorer,
    widgets.gradient_norm_explorer,
    widgets.universal_approximation_explorer,
]


@pytest.mark.parametrize("explorer", EXPLORERS, ids=lambda f: f.__name__)
def test_every_explorer_has_sliders(explorer):
    from ipywidgets import FloatLogSlider, FloatRangeSlider, FloatSlider, IntSlider

    widget = explorer().widget
    sliders = [
        c
        for c in widget.children
        if isinstance(c, FloatSlider | IntSlider | FloatRangeSlider | FloatLogSlider)
    ]
    assert sliders, f"{explorer.__name__} has no slider"


@pytest.mark.parametrize("explorer", EXPLORERS, ids=lambda f: f.__name__)
def test_every_control_is_labelled_with_what_it_changes(explorer):
    from ipywidgets import ValueWidget

    controls = [c for c in explorer().widget.children if isinstance(c, ValueWidget)]
    assert controls
    assert all(len(c.description) >= 5 for c in controls), [c.description for c in controls]


@pytest.mark.parametrize(
    ("explorer", "description", "base", "low", "high"),
    [
        (widgets.minibatch_explorer, "learning rate", 10, -2, 1),
        (widgets.gradient_norm_explorer, "weight gain", 2, -2, 3),
    ],
)
def test_log_sliders_move_over_powers(explorer, description, base, low, high):
    from ipywidgets import FloatLogSlider

    children = explorer().widget.children
    (slider,) = [c for c in children if getattr(c, "description", "") == description]
    assert isinstance(slider, FloatLogSlider)
    assert (slider.base, slider.min, slider.max, slider.step) == (base, low, high, 0.25)
    assert (slider.value, slider.continuous_update) == (1.0, False)


def test_the_explorer_helper_refuses_a_control_without_a_label():
    from ipywidgets import FloatSlider

    with pytest.raises(ValueError, match=r"needs a description.*\['w'\]"):
        widgets.explorer(widgets.draw_step_threshold, w=FloatSlider())


def test_the_explorers_come_in_lesson_order():
    """The module reads in the order of the lessons that use its explorers."""
    source = inspect.getsource(widgets)
    positions = [source.index(f"def {explorer.__name__}(") for explorer in EXPLORERS]
    assert positions == sorted(positions)


def test_activation_drawing_shows_both_markers_where_they_meet():
    # ReLU: f(0) = f'(0) = 0, so the two markers sit on the same point; the ring must not hide
    # the square (a hollow ring, larger than the square).
    fig = widgets.draw_activation("relu", -1.0, 1.0)
    (ring,) = [line for line in fig.axes[0].lines if line.get_marker() == "o"]
    (square,) = [line for line in fig.axes[0].lines if line.get_marker() == "s"]
    assert ring.get_markerfacecolor() == "none"
    assert ring.get_markersize() > square.get_markersize()
    assert ring.get_xydata().tolist() == square.get_xydata().tolist() == [[0.0, 0.0]]
